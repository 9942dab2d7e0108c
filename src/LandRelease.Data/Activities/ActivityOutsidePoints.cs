using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Activities;

/// <summary>
/// A point on the part of a polygon that lies beyond its hazardous area (and the 1 m tolerance), so a refusal can
/// show the team where the shape strays. Asked only for the shapes already found outside: one statement for all.
/// </summary>
public static class ActivityOutsidePoints
{
    private const string Sql = """
        SELECT s.k, ST_PointOnSurface(ST_Difference(s.shape, ST_Buffer(a.geometry::geography, $4)::geometry))
        FROM unnest($1::int[], $2::uuid[], $3::geometry[]) AS s(k, area_id, shape)
        JOIN hazard_areas a ON a.id = s.area_id
        """;

    /// <returns>One point per shape, in order; null where nothing lies beyond the tolerance or the area is gone.</returns>
    public static async Task<Point?[]> LocateAsync(LandReleaseDbContext db, IReadOnlyList<(Guid HazardAreaId, MultiPolygon Shape)> shapes,
        double toleranceMetres, CancellationToken ct)
    {
        var points = new Point?[shapes.Count];
        if (shapes.Count == 0)
        {
            return points;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. Enumerable.Range(0, shapes.Count)] });
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. shapes.Select(s => s.HazardAreaId)] });
            command.Parameters.Add(new NpgsqlParameter<Geometry[]> { TypedValue = [.. shapes.Select(s => (Geometry)s.Shape)] });
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = toleranceMetres });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (!reader.IsDBNull(1) && reader.GetFieldValue<Geometry>(1) is Point { IsEmpty: false } point)
                {
                    points[reader.GetInt32(0)] = point;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return points;
    }
}
