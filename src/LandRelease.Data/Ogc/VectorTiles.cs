using System.Text;
using Npgsql;

namespace LandRelease.Data.Ogc;

/// <summary>
/// Mapbox vector tiles of a feature source on the WebMercatorQuad grid, made by PostGIS (ST_AsMVT). Geometry is
/// simplified to about half a tile pixel of the zoom before clipping, so a country-wide tile stays small.
/// </summary>
public sealed class VectorTiles(NpgsqlDataSource dataSource)
{
    public const int MaxZoom = 22;

    // Web Mercator's full width in metres, over 4096 tile units and two: half a tile pixel at zoom 0.
    private const double HalfPixelAtZoomZero = 40075016.685578488 / 4096 / 2;

    /// <summary>
    /// From this zoom a tile names each feature (its id and labels). Below it a hazardous area or a decision is a pixel
    /// or less, too small to pick, and in a dense tile the ids were most of the bytes (a z8 tile over Phnom Penh with
    /// 8,500 decisions: 636 KB and 100 ms with them, 249 KB without); the tile keeps geometry and the filter columns.
    /// </summary>
    public const int NamedFromZoom = 10;

    public async Task<byte[]> TileAsync(FeatureSource source, string layer, IReadOnlyList<string> visibleCountries,
        int zoom, int column, int row, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A parallel worker is a new process that sets up PROJ before its first ST_Transform: a parallel plan made
        // the dense z8 tile 150-230 ms against 100 ms alone.
        await using (var serial = new NpgsqlCommand("SET LOCAL max_parallel_workers_per_gather = 0", connection, transaction))
        {
            await serial.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = zoom });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = column });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = row });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. visibleCountries] });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = HalfPixelAtZoomZero / Math.Pow(2, zoom) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = layer });
        var g = source.GeometryColumn;
        var named = zoom >= NamedFromZoom;
        var properties = new StringBuilder(named ? $", {source.Id}::text AS id" : "");
        foreach (var (name, expression) in named ? source.FilterColumns.Concat(source.TileLabels) : source.FilterColumns)
        {
            properties.Append($", {expression} AS \"{name}\"");
        }

        // ST_AsMVT skips the rows whose geometry fell outside the tile (NULL), so they are not filtered out first: a
        // filter on the inlined subquery would make PostgreSQL compute ST_AsMVTGeom twice per row (40% of a tile's time).
        // The country test is kept out of the index (|| ''): a tile's box is the selective part, and ANDing it with
        // a country's whole index (100,000s of entries) cost more than the tile (measured on 1M decisions).
        command.CommandText = $"""
            WITH tile AS (SELECT ST_TileEnvelope($1, $2, $3) AS box),
            features AS (
                SELECT ST_AsMVTGeom(ST_Simplify(ST_Transform({g}, 3857), $5, true), tile.box, 4096, 64, true) AS geom{properties}
                FROM {source.Table} {source.Alias}, tile
                WHERE {g} && ST_Transform(tile.box, 4326) AND ({source.Country} || '') = ANY($4){(source.Belongs is null ? "" : $" AND {source.Belongs}")}
            )
            SELECT ST_AsMVT(features.*, $6, 4096, 'geom') FROM features
            """;
        var tile = (byte[]?)await command.ExecuteScalarAsync(cancellationToken) ?? [];
        await transaction.CommitAsync(cancellationToken);
        return tile;
    }
}
