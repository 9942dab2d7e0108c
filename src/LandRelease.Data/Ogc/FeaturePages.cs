using System.Text;
using LandRelease.Data.Common;
using LandRelease.Data.HazardAreas;
using Npgsql;

namespace LandRelease.Data.Ogc;

/// <summary>
/// The one read path for lists of features, shared by the register's list and the OGC API items: PostgreSQL
/// renders every Feature as GeoJSON text, pages go by id (keyset), a bbox goes through the GiST index.
/// </summary>
public sealed class FeaturePages(NpgsqlDataSource dataSource, KeyReadDataSource keyReads)
{
    /// <summary>A page as strings, for pages that read the features (the register browser).</summary>
    public async Task<FeaturePage> ListAsync(FeatureSource source, FeatureListQuery query, CancellationToken cancellationToken)
    {
        var features = new List<string>(Math.Min(query.Limit, 1000));
        var (next, matched) = await ReadAsync(source, query, reader => features.Add(reader.GetString(0)), cancellationToken);
        return new FeaturePage(features, next) { NumberMatched = matched };
    }

    /// <summary>A page as PostgreSQL's UTF-8 bytes, for responses that pass the features on untouched.</summary>
    public async Task<Utf8FeaturePage> ListUtf8Async(FeatureSource source, FeatureListQuery query, CancellationToken cancellationToken)
    {
        var features = new Utf8Features();
        try
        {
            var (next, matched) = await ReadAsync(source, query, reader => features.Add(reader, 0), cancellationToken);
            return new Utf8FeaturePage(features, next, matched);
        }
        catch
        {
            features.Dispose();
            throw;
        }
    }

    private async Task<(Guid? Next, long? Matched)> ReadAsync(FeatureSource source, FeatureListQuery query,
        Action<NpgsqlDataReader> add, CancellationToken cancellationToken)
    {
        var count = query.CountMatched ? CountAsync(source, query, cancellationToken) : Task.FromResult<long?>(null);

        await using var command = dataSource.CreateCommand();
        var where = Where(source, query, command);
        if (query.After is { } after)
        {
            where.Add($"{source.Id} > {Add(command, after)}");
        }

        // One row more than asked tells whether a next page exists, so a full last page has no dead "next" link.
        command.CommandText = new StringBuilder($"SELECT {source.Render(query.Crs.GeoJson(source.GeometryColumn))}, {source.Id} ")
            .Append($"FROM {source.Table} {source.Alias} WHERE ").AppendJoin(" AND ", where)
            .Append($" ORDER BY {source.Id} LIMIT {Add(command, query.Limit + 1)}").ToString();

        var returned = 0;
        Guid last = default;
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (returned == query.Limit)
                {
                    more = true;
                    break;
                }

                add(reader);
                last = reader.GetGuid(1);
                returned++;
            }
        }

        return (more ? last : null, await count);
    }

    /// <summary>One Feature of the source by id, with its country for the caller's access check; null when not in the source.</summary>
    public async Task<(string Json, string CountryCode)?> GetAsync(FeatureSource source, Guid id, OutputCrs crs,
        CancellationToken cancellationToken)
    {
        await using var command = keyReads.Source.CreateCommand();
        var belongs = source.Belongs is null ? "" : $" AND {source.Belongs}";
        command.CommandText = $"SELECT {source.Render(crs.GeoJson(source.GeometryColumn))}, {source.Country} " +
                              $"FROM {source.Table} {source.Alias} WHERE {source.Id} = {Add(command, id)}{belongs}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// The bbox (lon/lat) of the countries' boundaries: a collection's extent as the caller may see it, known
    /// without reading a feature.
    /// </summary>
    public async Task<double[]?> ExtentAsync(IReadOnlyList<string> countries, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(boundary) AS e FROM countries WHERE code = ANY($1)) x");
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. countries] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0)
            ? [reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3)]
            : null;
    }

    private async Task<long?> CountAsync(FeatureSource source, FeatureListQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {source.Table} {source.Alias} WHERE " +
                              string.Join(" AND ", Where(source, query, command));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static List<string> Where(FeatureSource source, FeatureListQuery query, NpgsqlCommand command)
    {
        var where = new List<string> { $"{source.Country} = ANY({Add(command, query.VisibleCountries.ToArray())})" };
        if (source.Belongs is not null)
        {
            where.Add(source.Belongs);
        }

        foreach (var (name, value) in query.Filters)
        {
            where.Add($"{source.FilterColumns[name]} = {Add(command, value)}");
        }

        foreach (var (name, text) in query.Searches)
        {
            where.Add($"{source.SearchColumns[name]} ILIKE {Add(command, "%" + EscapeLike(text) + "%")}");
        }

        if (query.Bbox is { } box)
        {
            where.Add($"ST_Intersects({source.GeometryColumn}, {Envelope(box, command)})");
        }

        if (query.From is { } from)
        {
            where.Add($"{source.DateTo} >= {Add(command, from)}");
        }

        if (query.To is { } to)
        {
            where.Add($"{source.DateFrom} <= {Add(command, to)}");
        }

        return where;
    }

    /// <summary>
    /// The box as a WGS 84 polygon (longitude first), so the predicate stays index-friendly (GiST on the stored
    /// column). A box in UTM becomes the quadrilateral its corners make in WGS 84, densified so its edges follow.
    /// </summary>
    private static string Envelope(BboxFilter box, NpgsqlCommand command)
    {
        var (x1, y1, x2, y2) = box.Crs.LatitudeFirst ? (box.Y1, box.X1, box.Y2, box.X2) : (box.X1, box.Y1, box.X2, box.Y2);
        var envelope = $"ST_MakeEnvelope({Add(command, x1)}, {Add(command, y1)}, {Add(command, x2)}, {Add(command, y2)}, {box.Crs.Srid})";
        return box.Crs.Srid == 4326 ? envelope : $"ST_Transform(ST_Segmentize({envelope}, 1000), 4326)";
    }

    /// <summary>The text matched literally: LIKE's wildcards and its escape character lose their meaning.</summary>
    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    internal static string Add<T>(NpgsqlCommand command, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = value });
        return $"${command.Parameters.Count}";
    }
}
