using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.HazardAreas;

/// <summary>
/// The audit row of a hazardous area, defined once, in SQL, from its version rows: "before" is the previous version,
/// "after" the version just written. Every change of an area writes a version row first, so the HTTP routes, the
/// upload merge and the status moves of releases and activities all audit through these statements and cannot drift.
/// Geometry is represented by a SHA-256 of its WKB (the geometry itself is kept in the versions), so any change of
/// shape shows as a new hash.
/// </summary>
public static class HazardAreaAudit
{
    public const string EntityType = "HAZARD_AREA";

    /// <summary>The audit "what" of the hazardous-area version row under <paramref name="v"/> (an alias with the version columns).</summary>
    public static string Snapshot(string v) => $"""
        jsonb_build_object('version', {v}.version, 'countryCode', {v}.country_code, 'localId', {v}.local_id, 'name', {v}.name,
            'classification', {v}.classification, 'contamination', to_jsonb({v}.contamination), 'status', {v}.status,
            'evidence', {v}.evidence, 'dateOfInformation', {v}.date_of_information, 'organisation', {v}.organisation_code,
            'geometrySha256', encode(sha256(ST_AsBinary({v}.geometry, 'NDR')), 'hex'))
        """;

    /// <summary>
    /// Inserts one audit row per version row of <paramref name="versions"/> (a FROM clause naming them <c>v</c>), with
    /// the given <paramref name="action"/> (an SQL expression). The first version has no "before".
    /// </summary>
    public static string InsertFrom(string versions, string action) => $"""
        INSERT INTO audit_log (at, actor, actor_organisation, country_code, entity_type, entity_id, action, before, after, reason)
        SELECT v.recorded_at, v.recorded_by, v.recorded_by_organisation, v.country_code, '{EntityType}', v.hazard_area_id, {action},
               CASE WHEN v.version > 1 THEN (SELECT {Snapshot("p")} FROM hazard_area_versions p
                                             WHERE p.hazard_area_id = v.hazard_area_id AND p.version = v.version - 1) END,
               {Snapshot("v")}, v.change_reason
        FROM {versions}
        """;

    private static readonly string OneVersion =
        InsertFrom("hazard_area_versions v WHERE v.hazard_area_id = {0} AND v.version = {1}", "{2}");

    /// <summary>Audits version <paramref name="version"/> of an area, once its version row is saved (in the caller's transaction).</summary>
    public static Task RecordAsync(LandReleaseDbContext db, Guid areaId, int version, string action, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(OneVersion, [areaId, version, action], ct);
}
