using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LandRelease.Data.AdminAreas;

/// <summary>
/// The audit rows of administrative areas, in SQL from their version rows ("before" the previous version, "after" the
/// new one), as for hazardous areas; the outline is represented by a SHA-256 of its WKB (the versions keep it).
/// </summary>
public static class AdminAreaAudit
{
    public const string EntityType = "ADMIN_AREA";

    private static string Snapshot(string v) => $"""
        jsonb_build_object('version', {v}.version, 'countryCode', {v}.country_code, 'code', {v}.code, 'name', {v}.name,
            'level', {v}.level, 'parentCode', {v}.parent_code, 'uploadId', {v}.upload_id,
            'geometrySha256', encode(sha256(ST_AsBinary({v}.geometry, 'NDR')), 'hex'))
        """;

    private static readonly string Insert = $"""
        INSERT INTO audit_log (at, actor, actor_organisation, country_code, entity_type, entity_id, action, before, after, reason)
        SELECT v.recorded_at, v.recorded_by, v.recorded_by_organisation, v.country_code, '{EntityType}', v.admin_area_id,
               CASE WHEN v.version = 1 THEN '{AdminAreaWriter.CreateAction}' ELSE '{AdminAreaWriter.ReviseAction}' END,
               CASE WHEN v.version > 1 THEN (SELECT {Snapshot("p")} FROM admin_area_versions p
                                             WHERE p.admin_area_id = v.admin_area_id AND p.version = v.version - 1) END,
               {Snapshot("v")}, 'Administrative areas loaded'
        FROM unnest(@ids, @versions) AS w(id, version)
        JOIN admin_area_versions v ON v.admin_area_id = w.id AND v.version = w.version
        """;

    /// <summary>Audits the given versions, once their rows are saved (in the caller's transaction).</summary>
    public static Task RecordAsync(LandReleaseDbContext db, Guid[] ids, int[] versions, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(Insert, [
            new NpgsqlParameter<Guid[]>("ids", ids), new NpgsqlParameter<int[]>("versions", versions)], ct);
}
