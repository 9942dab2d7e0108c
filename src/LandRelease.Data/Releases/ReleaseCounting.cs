using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NetTopologySuite.Geometries;

namespace LandRelease.Data.Releases;

/// <summary>
/// The counting rules as set-based SQL, run inside the transaction that approves or revokes, after the
/// hazardous area's row is locked (so concurrent approvals of one area take turns and each sees the other).
/// </summary>
public static class ReleaseCounting
{
    /// <summary>Overlaps smaller than this are GPS noise along shared edges, not double counting.</summary>
    public const double OverlapToleranceSqm = 1.0;

    /// <summary>A decision's polygon may stray this far outside its hazardous area.</summary>
    public const double InsideToleranceMetres = 1.0;

    /// <summary>Serialises every change to the released land of one hazardous area.</summary>
    public static Task LockAreaAsync(LandReleaseDbContext db, Guid hazardAreaId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM hazard_areas WHERE id = {hazardAreaId} FOR UPDATE", ct);

    /// <summary>m² of <paramref name="geometry"/> outside the hazardous area, and how much of it lies beyond the tolerance.</summary>
    public static async Task<(double OutsideSqm, double BeyondToleranceSqm)?> OutsideAsync(LandReleaseDbContext db,
        Guid hazardAreaId, MultiPolygon geometry, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT ST_Area(ST_Difference($1, a.geometry)::geography),
                       ST_Area(ST_Difference($1, ST_Buffer(a.geometry::geography, $3)::geometry)::geography)
                FROM hazard_areas a WHERE a.id = $2
                """, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.Add(new NpgsqlParameter<Geometry> { TypedValue = geometry });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = hazardAreaId });
            command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = InsideToleranceMetres });
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? (reader.GetDouble(0), reader.GetDouble(1)) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Credits each counted decision of the area with the m² that no earlier decision (by date of
    /// information, then approval order) released, and rewrites the area's remaining geometry and released m².
    /// The credited m² of an area's decisions add up to the area of their union.
    /// </summary>
    public static async Task RecomputeAsync(LandReleaseDbContext db, Guid hazardAreaId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH counted AS (
                SELECT d.id, d.geometry, d.date_of_information, d.approved_at
                FROM release_decisions d
                WHERE d.hazard_area_id = {hazardAreaId} AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')
            ),
            credited AS (
                SELECT c.id, ST_Area(COALESCE(ST_Difference(c.geometry, (
                    SELECT ST_Union(e.geometry) FROM counted e
                    WHERE (e.date_of_information, e.approved_at, e.id) < (c.date_of_information, c.approved_at, c.id))),
                    c.geometry)::geography) AS sqm
                FROM counted c
            )
            UPDATE release_decisions d SET credited_area_sqm = COALESCE(credited.sqm, 0)
            FROM release_decisions d2 LEFT JOIN credited ON credited.id = d2.id
            WHERE d.id = d2.id AND d.hazard_area_id = {hazardAreaId}
            """, ct);

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE hazard_areas a SET
                remaining_geometry = COALESCE(ST_Multi(ST_CollectionExtract(ST_Difference(a.geometry, u.geom), 3)), a.geometry),
                released_area_sqm = COALESCE(ST_Area(u.geom::geography), 0)
            FROM (SELECT ST_Union(d.geometry) AS geom FROM release_decisions d
                  WHERE d.hazard_area_id = {hazardAreaId} AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')) u
            WHERE a.id = {hazardAreaId}
            """, ct);
    }

    /// <summary>
    /// Records, once, where a newly approved decision overlaps land other counted decisions of the same area
    /// release: the overlap counts once, and cancelled land later reduced or cleared is flagged as such.
    /// </summary>
    public static Task RecordOverlapAsync(LandReleaseDbContext db, Guid decisionId, DateTimeOffset at, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO quality_incidents (id, hazard_area_id, country_code, decision_id, overlapping_decision_ids,
                                           overlap_sqm, kind, date_of_information, detected_at)
            SELECT gen_random_uuid(), d.hazard_area_id, d.country_code, d.id,
                   array_agg(o.id ORDER BY o.date_of_information, o.approved_at, o.id),
                   ST_Area(ST_Intersection(d.geometry, ST_Union(o.geometry))::geography),
                   CASE WHEN d.kind <> 'CANCELLED' AND bool_or(o.kind = 'CANCELLED')
                        THEN 'CANCELLED_LAND_REWORKED' ELSE 'OVERLAPPING_RELEASE' END,
                   d.date_of_information, {at}
            FROM release_decisions d
            JOIN release_decisions o ON o.hazard_area_id = d.hazard_area_id AND o.id <> d.id
                 AND o.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER') AND ST_Intersects(o.geometry, d.geometry)
            WHERE d.id = {decisionId}
            GROUP BY d.id, d.hazard_area_id, d.country_code, d.kind, d.geometry, d.date_of_information
            HAVING ST_Area(ST_Intersection(d.geometry, ST_Union(o.geometry))::geography) > {OverlapToleranceSqm}
            ON CONFLICT (decision_id) DO NOTHING
            """, ct);

}
