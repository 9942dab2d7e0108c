using Npgsql;

namespace LandRelease.Data.Countries;

/// <summary>
/// The ten boundaries simplified for drawing a map (not for checks), each with a point for its label: about 1 km of tolerance, coordinates to 3 decimals,
/// slivers and islets smaller than the tolerance dropped; some 250 KB of GeoJSON. Reference data changes with a release,
/// not at run time, so the text is built once per process.
/// </summary>
public sealed class CountryOutlines(NpgsqlDataSource dataSource)
{
    public const double ToleranceDegrees = 0.01;

    private const string Sql = """
        SELECT json_build_object('type', 'FeatureCollection',
            'source', 'Natural Earth 1:10m (public domain), simplified for display',
            'features', json_agg(json_build_object('type', 'Feature', 'id', code,
                'bbox', json_build_array(round(ST_XMin(boundary)::numeric, 3), round(ST_YMin(boundary)::numeric, 3),
                    round(ST_XMax(boundary)::numeric, 3), round(ST_YMax(boundary)::numeric, 3)),
                'geometry', ST_AsGeoJSON(coalesce(ST_Simplify(boundary, $1, false), boundary), 3)::json,
                'properties', json_build_object('code', code, 'name', name,
                    'labelAt', json_build_array(round(ST_X(label)::numeric, 3), round(ST_Y(label)::numeric, 3)))) ORDER BY code))::text
        FROM countries
        -- A label on the largest piece of land (Indonesia's on Borneo, not in the sea between its islands).
        CROSS JOIN LATERAL (SELECT ST_PointOnSurface(d.geom) AS label FROM ST_Dump(boundary) d ORDER BY ST_Area(d.geom) DESC LIMIT 1) l
        """;

    /// <summary>About half a pixel of the regional map at 1920 wide: 0.03° keeps the ten states to some 80 KB of SVG.</summary>
    public const double RegionalMapToleranceDegrees = 0.03;

    private const string ShapesSql = """
        SELECT code, name, ST_AsSVG(coalesce(ST_Simplify(boundary, $1, false), boundary), 0, 2),
            round(ST_X(label)::numeric, 3)::float8, -round(ST_Y(label)::numeric, 3)::float8, ST_XMax(boundary) - ST_XMin(boundary) < 1.5
        FROM countries
        CROSS JOIN LATERAL (SELECT ST_PointOnSurface(d.geom) AS label FROM ST_Dump(boundary) d ORDER BY ST_Area(d.geom) DESC LIMIT 1) l
        ORDER BY name
        """;

    private string? _json;
    private IReadOnlyList<CountryShape>? _shapes;

    /// <summary>Two first requests at once both build it: the same text, so no lock is needed.</summary>
    public async Task<string> GeoJsonAsync(CancellationToken ct)
    {
        if (_json is { } cached)
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = ToleranceDegrees });
        // An empty table means seeding has not run yet; don't cache that.
        return await command.ExecuteScalarAsync(ct) is string json ? _json = json : """{"type":"FeatureCollection","features":[]}""";
    }

    /// <summary>The country's boundary, simplified to a map's scale, as SVG path data in degrees (y pointing south).</summary>
    public async Task<string?> SvgPathAsync(string code, double toleranceDegrees, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ST_AsSVG(ST_SimplifyPreserveTopology(boundary, $2), 0, 4) FROM countries WHERE code = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = toleranceDegrees });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The ten states by name as SVG path data in degrees (y pointing south), for the regional map the server draws.</summary>
    public async Task<IReadOnlyList<CountryShape>> RegionalShapesAsync(CancellationToken ct)
    {
        if (_shapes is { } cached)
        {
            return cached;
        }

        await using var command = dataSource.CreateCommand(ShapesSql);
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = RegionalMapToleranceDegrees });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var shapes = new List<CountryShape>();
        while (await reader.ReadAsync(ct))
        {
            shapes.Add(new CountryShape(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetBoolean(5)));
        }

        // An empty table means seeding has not run yet; don't cache that.
        return shapes.Count > 0 ? _shapes = shapes : shapes;
    }
}

/// <summary>A state on the regional map: its outline as SVG path data, its label point, and whether it is too small to hit.</summary>
public sealed record CountryShape(string Code, string Name, string Path, double LabelX, double LabelY, bool Small);
