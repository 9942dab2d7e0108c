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

    private string? _json;

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
}
