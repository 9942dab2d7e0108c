using System.Data;
using System.Runtime.CompilerServices;
using System.Text;
using LandRelease.Data.Ogc;
using Npgsql;

namespace LandRelease.Data.Exports;

/// <summary>One row of an export: the attribute values in the layout's order, the geometry as WKB and its envelope.</summary>
/// <param name="Envelope">MinX, MaxX, MinY, MaxY (the GeoPackage header's order); null with a null geometry.</param>
public sealed record ExportRow(object?[] Values, byte[]? Wkb, double[]? Envelope);

/// <summary>
/// Reads a whole export from PostgreSQL as a stream: one query in id order over the same filters and scope as the OGC
/// items (so an export holds exactly what the items pages would, all pages together), the geometry as WKB from
/// PostGIS; rows are handed on one at a time, never gathered in memory.
/// </summary>
public sealed class ExportRows(NpgsqlDataSource dataSource)
{
    public async IAsyncEnumerable<ExportRow> ReadAsync(ExportLayout layout, FeatureListQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var source = layout.Source;
        var where = FeaturePages.Where(source, query, command);
        var geometry = source.GeometryColumn;
        command.CommandText = new StringBuilder("SELECT ")
            .AppendJoin(", ", layout.Columns.Select(c => c.Sql))
            .Append($", ST_AsBinary({geometry}, 'NDR'), ST_XMin({geometry}), ST_XMax({geometry}), ST_YMin({geometry}), ST_YMax({geometry})")
            .Append($" FROM {source.Table} {source.Alias} WHERE ").AppendJoin(" AND ", where)
            .Append($" ORDER BY {source.Id}").ToString();
        // No statement timeout of the pool's default applies to a long export read by a slow client: it is a read.
        command.CommandTimeout = 0;

        var count = layout.Columns.Count;
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[count];
            for (var i = 0; i < count; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, cancellationToken) ? null : Value(reader, i, layout.Columns[i].Type);
            }

            if (await reader.IsDBNullAsync(count, cancellationToken))
            {
                yield return new ExportRow(values, null, null);
                continue;
            }

            var wkb = await reader.GetFieldValueAsync<byte[]>(count, cancellationToken);
            double[] envelope = [reader.GetDouble(count + 1), reader.GetDouble(count + 2), reader.GetDouble(count + 3), reader.GetDouble(count + 4)];
            yield return new ExportRow(values, wkb, envelope);
        }
    }

    private static object Value(NpgsqlDataReader reader, int ordinal, ExportType type) => type switch
    {
        ExportType.Date => reader.GetFieldValue<DateOnly>(ordinal),
        ExportType.Real => reader.GetDouble(ordinal),
        ExportType.WholeNumber => reader.GetInt64(ordinal),
        _ => reader.GetString(ordinal),
    };
}
