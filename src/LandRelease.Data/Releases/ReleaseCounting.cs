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
    /// Credits each counted decision of the area with the m² it adds to the union of the decisions dated before
    /// it (by date of information, then approval order), all clipped to the area so released land never exceeds
    /// it, and rewrites the area's remaining geometry and released m². Credits telescope: credit(i) =
    /// area(union up to i) - area(union before i), so they add up to the released m² exactly.
    /// </summary>
    public static async Task RecomputeAsync(LandReleaseDbContext db, Guid hazardAreaId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("WITH " + CreditsSql + """
            UPDATE release_decisions d SET credited_area_sqm = COALESCE(credited.sqm, 0)
            FROM release_decisions d2 LEFT JOIN credited ON credited.id = d2.id
            WHERE d.id = d2.id AND d.hazard_area_id = {0}
            """, [hazardAreaId, Guid.Empty], ct);

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE hazard_areas a SET
                remaining_geometry = COALESCE(ST_Multi(ST_CollectionExtract(ST_Difference(a.geometry, u.geom), 3)), a.geometry),
                released_area_sqm = (SELECT COALESCE(sum(d.credited_area_sqm), 0) FROM release_decisions d
                                     WHERE d.hazard_area_id = {hazardAreaId})
            FROM (SELECT ST_Union(d.geometry) AS geom FROM release_decisions d
                  WHERE d.hazard_area_id = {hazardAreaId} AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')) u
            WHERE a.id = {hazardAreaId}
            """, ct);
    }

    /// <summary>
    /// The credits of an area's counted decisions ({0}: the area), and of one more ({1}, or the empty uuid for none)
    /// as if it were approved now: not yet approved, it sorts after every approval of its date, as approving it would.
    /// The one statement behind both the approval (<see cref="RecomputeAsync"/>) and its preview (<see cref="ReleasePreviews"/>).
    /// </summary>
    internal const string CreditsSql = """
        counted AS (
            SELECT d.id, ST_Intersection(d.geometry, a.geometry) AS geom,
                   row_number() OVER (ORDER BY d.date_of_information,
                                               CASE WHEN d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER') THEN d.approved_at END NULLS LAST,
                                               d.id) AS position
            FROM release_decisions d JOIN hazard_areas a ON a.id = d.hazard_area_id
            WHERE d.hazard_area_id = {0} AND (d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER') OR d.id = {1})
        ),
        cumulative AS (
            SELECT c.id, c.position,
                   (SELECT ST_Area(ST_Union(e.geom)::geography) FROM counted e WHERE e.position <= c.position) AS upto
            FROM counted c
        ),
        credited AS (
            SELECT id, upto - COALESCE(lag(upto) OVER (ORDER BY position), 0) AS sqm FROM cumulative
        )
        """;

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
                   -- Whichever was approved first: land cancelled earlier and reduced or cleared later.
                   CASE WHEN bool_or((o.kind = 'CANCELLED' AND d.kind <> 'CANCELLED' AND o.date_of_information <= d.date_of_information)
                                  OR (d.kind = 'CANCELLED' AND o.kind <> 'CANCELLED' AND d.date_of_information < o.date_of_information))
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
