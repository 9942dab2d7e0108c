using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>A registered area that an uploaded outline repeats under another local id.</summary>
public sealed record SameOutline(int Index, string? LocalId, Guid Id, double SharedFraction);

/// <summary>
/// Finds, for a batch of uploaded outlines, the country's areas that already cover the same land under another local
/// id: more than 95% of the larger of the two shared (areas on the ellipsoid). The upload warns rather than refuses:
/// two survey teams may legitimately record one field, but the national database must not count it twice unseen.
/// </summary>
public static class SameOutlines
{
    public const double MinSharedFraction = 0.95;

    private const string Find = """
        SELECT c.i, a.local_id, a.id, shared.area / GREATEST(ST_Area(a.geometry::geography), ST_Area(c.g::geography))
        FROM unnest($2::int[], $3::text[], $4::geometry[]) AS c(i, l, g)
        JOIN hazard_areas a ON a.country_code = $1 AND a.geometry && c.g AND a.local_id IS DISTINCT FROM c.l
                             AND ST_Intersects(a.geometry, c.g)
        CROSS JOIN LATERAL (SELECT ST_Area(ST_Intersection(a.geometry, c.g)::geography) AS area) shared
        WHERE shared.area > $5 * GREATEST(ST_Area(a.geometry::geography), ST_Area(c.g::geography))
        ORDER BY c.i, 4 DESC
        """;

    public static async Task<List<SameOutline>> FindAsync(NpgsqlDataSource dataSource, string countryCode,
        IReadOnlyList<(int Index, string? LocalId, Geometry Geometry)> outlines, CancellationToken ct)
    {
        var found = new List<SameOutline>();
        if (outlines.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand(Find);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. outlines.Select(o => o.Index)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. outlines.Select(o => o.LocalId)] });
        command.Parameters.Add(new NpgsqlParameter<Geometry[]> { TypedValue = [.. outlines.Select(o => o.Geometry)] });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = MinSharedFraction });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new SameOutline(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetGuid(2),
                reader.GetDouble(3)));
        }

        return found;
    }
}
