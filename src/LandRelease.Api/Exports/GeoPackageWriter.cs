using System.Buffers.Binary;
using System.Globalization;
using LandRelease.Data.Exports;
using Microsoft.Data.Sqlite;

namespace LandRelease.Api.Exports;

/// <summary>
/// Writes a GeoPackage 1.3 file (OGC 12-128r18) of one feature table in WGS 84: the required tables, the layer's
/// extent in gpkg_contents, GeoPackage geometry blobs (header, envelope, then PostGIS's own WKB untouched, so no
/// coordinate is rounded) and an R-tree spatial index, which GDAL and QGIS use for extent queries.
/// </summary>
internal static class GeoPackageWriter
{
    /// <summary>"GPKG" as the SQLite application_id; 10300 is version 1.3 as user_version.</summary>
    private static readonly string[] IndexParameters = ["$id", "$minx", "$maxx", "$miny", "$maxy"];
    private static readonly string[] ExtentParameters = ["$a", "$b", "$c", "$d"];

    private const string Pragmas = "PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;";

    public static async Task<long> WriteAsync(string path, ExportLayout layout, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        var table = layout.Layer;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, Pragmas, ct);
        await ExecuteAsync(connection, GeoPackageSchema.Tables(table, layout.Columns), ct);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO \"{table}\" (fid, geom, {string.Join(", ", layout.Columns.Select(c => $"\"{c.Name}\""))}) " +
                             $"VALUES ($fid, $geom, {string.Join(", ", layout.Columns.Select((_, i) => $"$p{i}"))})";
        var fid = insert.Parameters.Add("$fid", SqliteType.Integer);
        var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
        var values = layout.Columns.Select((c, i) => insert.Parameters.Add($"$p{i}", Affinity(c.Type))).ToArray();
        await using var index = connection.CreateCommand();
        index.CommandText = $"INSERT INTO \"rtree_{table}_geom\" VALUES ($id, $minx, $maxx, $miny, $maxy)";
        var bounds = IndexParameters.Select(n => index.Parameters.Add(n, SqliteType.Real)).ToArray();

        long count = 0;
        double[] extent = [double.MaxValue, double.MinValue, double.MaxValue, double.MinValue];
        await foreach (var row in rows.WithCancellation(ct))
        {
            fid.Value = ++count;
            geom.Value = row.Wkb is null ? DBNull.Value : Blob(row.Wkb, row.Envelope!);
            for (var i = 0; i < values.Length; i++)
            {
                values[i].Value = row.Values[i] switch { null => DBNull.Value, DateOnly d => Text(d), var v => v };
            }

            await insert.ExecuteNonQueryAsync(ct);
            if (row.Envelope is { } e)
            {
                bounds[0].Value = count;
                for (var i = 0; i < 4; i++)
                {
                    bounds[i + 1].Value = e[i];
                }

                await index.ExecuteNonQueryAsync(ct);
                (extent[0], extent[1], extent[2], extent[3]) = (Math.Min(extent[0], e[0]), Math.Max(extent[1], e[1]), Math.Min(extent[2], e[2]), Math.Max(extent[3], e[3]));
            }
        }

        await using (var contents = connection.CreateCommand())
        {
            contents.CommandText = "UPDATE gpkg_contents SET min_x = $a, max_x = $b, min_y = $c, max_y = $d WHERE table_name = $t";
            contents.Parameters.AddWithValue("$t", table);
            foreach (var (name, i) in ExtentParameters.Select((n, i) => (n, i)))
            {
                contents.Parameters.AddWithValue(name, count == 0 || extent[0] > extent[1] ? DBNull.Value : extent[i]);
            }

            await contents.ExecuteNonQueryAsync(ct);
        }

        // The index triggers call GDAL's ST_ functions, which this connection lacks: created once the rows are in.
        await ExecuteAsync(connection, GeoPackageSchema.IndexTriggers(table), ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    /// <summary>
    /// A GeoPackage geometry: "GP", version 0, flags (little-endian header, envelope [minx, maxx, miny, maxy]), the SRS id,
    /// the envelope, then the ISO WKB as PostGIS wrote it.
    /// </summary>
    private static byte[] Blob(byte[] wkb, double[] envelope)
    {
        var blob = new byte[8 + 32 + wkb.Length];
        blob[0] = (byte)'G';
        blob[1] = (byte)'P';
        blob[2] = 0;
        blob[3] = 0b0000_0011;
        BinaryPrimitives.WriteInt32LittleEndian(blob.AsSpan(4), 4326);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(blob.AsSpan(8 + (i * 8)), envelope[i]);
        }

        wkb.CopyTo(blob, 40);
        return blob;
    }

    private static SqliteType Affinity(ExportType type) => type switch
    {
        ExportType.Real => SqliteType.Real,
        ExportType.WholeNumber => SqliteType.Integer,
        _ => SqliteType.Text,
    };

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
