using LandRelease.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Activities;

/// <summary>m² of one polygon outside the hazardous area, and how much of that lies beyond the 1 m tolerance.</summary>
public readonly record struct Outside(double OutsideSqm, double BeyondToleranceSqm);

/// <summary>
/// Where an activity's shapes lie relative to its hazardous area. <see cref="ReferencePointMetres"/> is the geodesic
/// distance, or 0 when the point lies so near that it is within the limit asked for without measuring.
/// </summary>
public sealed record Placement(IReadOnlyList<Outside> Shapes, double ReferencePointMetres);

/// <summary>An activity's polygons (worked area, proposed outcomes) and reference point, to measure against its area.</summary>
public sealed record PlacementQuery(Guid HazardAreaId, IReadOnlyList<MultiPolygon> Shapes, Point ReferencePoint);

/// <summary>
/// Measures activities' polygons against their hazardous areas in two statements for any number of activities: the same
/// geodesic m² and the same 1 m tolerance as the release decisions' inside rule. A polygon covered by its area is
/// nothing outside, which spares the difference and the geodesic buffer for nearly every polygon a team sends.
/// </summary>
public static class ActivityPlacement
{
    private const string Distances = """
        SELECT q.k, CASE WHEN ST_DWithin(q.point, a.geometry, $4) THEN 0
                         ELSE ST_Distance(q.point::geography, a.geometry::geography) END
        FROM unnest($1::int[], $2::uuid[], $3::geometry[]) AS q(k, area_id, point)
        JOIN hazard_areas a ON a.id = q.area_id
        """;

    // Whether a shape is covered is asked once (a LATERAL, not once per CASE): it is the costly part of placing.
    private const string Shapes = """
        SELECT s.k, s.n,
               CASE WHEN c.covered THEN 0 ELSE ST_Area(ST_Difference(s.shape, a.geometry)::geography) END,
               CASE WHEN c.covered THEN 0
                    ELSE ST_Area(ST_Difference(s.shape, ST_Buffer(a.geometry::geography, $5)::geometry)::geography) END
        FROM unnest($1::int[], $2::int[], $3::uuid[], $4::geometry[]) AS s(k, n, area_id, shape)
        JOIN hazard_areas a ON a.id = s.area_id
        CROSS JOIN LATERAL (SELECT ST_CoveredBy(s.shape, a.geometry) AS covered OFFSET 0) c
        """;

    /// <summary>
    /// No degree of latitude or longitude is longer than 111.7 km on the WGS 84 ellipsoid, so a point within
    /// max / 112 km degrees (a cheap planar test) lies within max metres and its geodesic distance need not be computed.
    /// </summary>
    private const double MetresPerDegreeAtMost = 112_000;

    /// <returns>One placement per query, in order; null where the area no longer exists.</returns>
    public static async Task<IReadOnlyList<Placement?>> MeasureAsync(LandReleaseDbContext db, IReadOnlyList<PlacementQuery> queries,
        double referencePointMaxMetres, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        var distances = new double?[queries.Count];
        var outside = queries.Select(q => new Outside[q.Shapes.Count]).ToArray();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var command = new NpgsqlCommand(Distances, connection, transaction))
            {
                Add(command, queries.Select((_, k) => k));
                Add(command, queries.Select(q => q.HazardAreaId));
                Add(command, queries.Select(q => (Geometry)q.ReferencePoint));
                command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = referencePointMaxMetres / MetresPerDegreeAtMost });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    distances[reader.GetInt32(0)] = reader.GetDouble(1);
                }
            }

            // A cleared outcome is often the worked area itself: such a repeat is measured once, for the first of them.
            var firsts = queries.Select(q => q.Shapes.Select((_, n) => FirstEqual(q.Shapes, n)).ToArray()).ToArray();
            var shapes = queries.SelectMany((q, k) => q.Shapes.Select((shape, n) => (k, n, q.HazardAreaId, shape)))
                .Where(s => firsts[s.k][s.n] == s.n).ToList();
            await using (var command = new NpgsqlCommand(Shapes, connection, transaction))
            {
                Add(command, shapes.Select(s => s.k));
                Add(command, shapes.Select(s => s.n));
                Add(command, shapes.Select(s => s.HazardAreaId));
                Add(command, shapes.Select(s => (Geometry)s.shape));
                command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = ReleaseCounting.InsideToleranceMetres });
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    outside[reader.GetInt32(0)][reader.GetInt32(1)] = new Outside(reader.GetDouble(2), reader.GetDouble(3));
                }
            }

            for (var k = 0; k < queries.Count; k++)
            {
                for (var n = 0; n < firsts[k].Length; n++)
                {
                    outside[k][n] = outside[k][firsts[k][n]];
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return [.. queries.Select((_, k) => distances[k] is { } metres ? new Placement(outside[k], metres) : null)];
    }

    /// <summary>The first of an activity's shapes equal, vertex for vertex, to shape <paramref name="n"/> (itself if none before it).</summary>
    private static int FirstEqual(IReadOnlyList<MultiPolygon> shapes, int n)
    {
        for (var m = 0; m < n; m++)
        {
            if (ReferenceEquals(shapes[m], shapes[n]) || shapes[m].EqualsExact(shapes[n]))
            {
                return m;
            }
        }

        return n;
    }

    private static void Add<T>(NpgsqlCommand command, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = [.. values] });
}
