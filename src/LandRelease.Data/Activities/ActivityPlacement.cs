using LandRelease.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Activities;

/// <summary>m² of one polygon outside the hazardous area, and how much of that lies beyond the 1 m tolerance.</summary>
public readonly record struct Outside(double OutsideSqm, double BeyondToleranceSqm);

/// <summary>Where an activity's shapes lie relative to its hazardous area.</summary>
public sealed record Placement(IReadOnlyList<Outside> Shapes, double ReferencePointMetres);

/// <summary>
/// Measures an activity's polygons (worked area, proposed outcomes) against its hazardous area in one statement:
/// the same geodesic m² and the same 1 m tolerance as the release decisions' inside rule.
/// </summary>
public static class ActivityPlacement
{
    public static async Task<Placement?> MeasureAsync(LandReleaseDbContext db, Guid hazardAreaId, IReadOnlyList<MultiPolygon> shapes,
        Point referencePoint, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The buffer is made once per area, on the ellipsoid (geography), not once per shape.
            await using var command = new NpgsqlCommand("""
                SELECT ST_Distance($3::geography, a.geometry::geography),
                       ARRAY(SELECT ST_Area(ST_Difference(s.shape, a.geometry)::geography)
                             FROM unnest($1::geometry[]) WITH ORDINALITY s(shape, n) ORDER BY n),
                       ARRAY(SELECT ST_Area(ST_Difference(s.shape, b.grown)::geography)
                             FROM unnest($1::geometry[]) WITH ORDINALITY s(shape, n) ORDER BY n)
                FROM hazard_areas a
                CROSS JOIN LATERAL (SELECT ST_Buffer(a.geometry::geography, $4)::geometry AS grown) b
                WHERE a.id = $2
                """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.Add(new NpgsqlParameter<Geometry[]> { TypedValue = [.. shapes] });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hazardAreaId });
            command.Parameters.Add(new NpgsqlParameter<Geometry> { TypedValue = referencePoint });
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = ReleaseCounting.InsideToleranceMetres });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            var outside = reader.GetFieldValue<double[]>(1);
            var beyond = reader.GetFieldValue<double[]>(2);
            return new Placement([.. outside.Zip(beyond, (o, b) => new Outside(o, b))], reader.GetDouble(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
