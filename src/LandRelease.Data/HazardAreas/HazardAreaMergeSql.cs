using LandRelease.Data.Uploads;

namespace LandRelease.Data.HazardAreas;

/// <summary>
/// The statements of <see cref="HazardAreaMerge"/>. Those over staged rows take the upload ($1) and a range of feature
/// indexes, from $2 (included) to $3 (excluded); the others, the upload alone.
/// </summary>
internal static class HazardAreaMergeSql
{
    // Lazy: the static readonly statements below are not yet assigned while the class's fields are initialised.
    private static readonly Lazy<Dictionary<string, string>> Names = new(() => typeof(HazardAreaMergeSql)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(string)).ToDictionary(f => (string)f.GetValue(null)!, f => f.Name, StringComparer.Ordinal));

    /// <summary>The name of one of these statements, for <see cref="Common.StepClock"/>.</summary>
    public static string NameOf(string sql) => Names.Value.GetValueOrDefault(sql, "other");

    private const string InRange = "s.upload_id = $1 AND s.index >= $2 AND s.index < $3";
    private const string Ok = InRange + " AND s.violations IS NULL";

    /// <summary>Accepted rows that change their area: new ones, and revisions stating something new.</summary>
    private const string Changed = Ok + " AND NOT s.unchanged";

    public const string MarkProcessing = "UPDATE uploads SET state = 'PROCESSING' WHERE id = $1";

    public const string LockRevisedAreas = $"""
        SELECT a.id FROM hazard_areas a
        WHERE a.id IN (SELECT s.existing_id FROM upload_staged_areas s WHERE {Ok} AND s.existing_id IS NOT NULL)
        ORDER BY a.id FOR UPDATE
        """;

    public const string RejectStaleRevisions = $"""
        UPDATE upload_staged_areas s
        SET violations = jsonb_build_array(jsonb_build_object('rule', 'area-changed', 'field', 'properties.localId',
            'message', format('Hazardous area %s (%s) changed while this upload was being checked (now version %s); upload the feature again.',
                              s.local_id, a.id, a.version)))
        FROM hazard_areas a
        WHERE {Ok} AND a.id = s.existing_id AND a.version <> s.existing_version
        """;

    public const string RejectTakenLocalIds = $"""
        UPDATE upload_staged_areas s
        SET violations = jsonb_build_array(jsonb_build_object('rule', 'local-id-taken', 'field', 'properties.localId',
            'message', format('%s hazardous area %s with local id ''%s'' was registered while this upload was being checked; upload the feature again to revise it.',
                              a.country_code, a.id, s.local_id)))
        FROM uploads u, hazard_areas a
        WHERE {Ok} AND u.id = $1 AND s.existing_id IS NULL AND a.country_code = u.country_code AND a.local_id = s.local_id
        """;

    /// <summary>
    /// A revision stating exactly what its area holds, or held in an earlier version (dates of information included;
    /// the status only when the feature gives one), adds nothing: an old file sent again after work or decisions moved the area on must not set it back. The
    /// versions hold the current row too. Geometry compares vertex by vertex within <see cref="GisRounding"/>, so a
    /// GIS export sent back is no change and a moved vertex is one.
    /// </summary>
    public const string MarkUnchanged = $"""
        UPDATE upload_staged_areas s SET unchanged = true
        WHERE {Ok} AND s.existing_id IS NOT NULL AND EXISTS (
            SELECT 1 FROM hazard_area_versions v
            WHERE v.hazard_area_id = s.existing_id AND v.local_id = s.local_id AND v.name = s.name
              AND v.classification = s.classification AND v.contamination = s.contamination
              AND (s.status IS NULL OR v.status = s.status)
              AND v.evidence = s.evidence AND v.date_of_information = s.date_of_information
              AND v.organisation_code = s.organisation_code AND {GisRounding.SameOutline})
        """;

    /// <summary>A revision that gave no status keeps the area's own (read after the area is locked).</summary>
    public const string KeepStatus = $"""
        UPDATE upload_staged_areas s SET status = a.status
        FROM hazard_areas a
        WHERE {Ok} AND a.id = s.existing_id AND s.status IS NULL
        """;

    public const string AnyRejected = $"SELECT EXISTS (SELECT 1 FROM upload_staged_areas s WHERE {InRange} AND s.violations IS NOT NULL)";

    /// <summary>
    /// The geodesic m² is left to the areas' trigger, which measures an outline only when it is new (a revision keeping
    /// its outline keeps its m²); <see cref="RecordVersionsAndAudit"/> copies it to the version. So only the outlines the
    /// merge writes are measured, once each: a feature found unchanged is never measured.
    /// </summary>
    public const string ReviseAreas = $"""
        UPDATE hazard_areas a
        SET name = s.name, classification = s.classification, contamination = s.contamination, status = s.status,
            evidence = s.evidence, date_of_information = s.date_of_information, organisation_code = s.organisation_code,
            geometry = s.geometry, remaining_geometry = s.geometry, version = a.version + 1, recorded_at = now(),
            recorded_by = u.created_by, recorded_by_organisation = u.created_by_organisation, change_reason = s.change_reason
        FROM upload_staged_areas s JOIN uploads u ON u.id = s.upload_id
        WHERE {Changed} AND a.id = s.existing_id
        """;

    public const string CreateAreas = $"""
        INSERT INTO hazard_areas (id, country_code, local_id, name, classification, contamination, status, evidence,
            date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm, version, recorded_at,
            recorded_by, recorded_by_organisation, change_reason)
        SELECT s.record_id, u.country_code, s.local_id, s.name, s.classification, s.contamination, s.status, s.evidence,
               s.date_of_information, s.organisation_code, s.geometry, s.geometry, 0, 1, now(),
               u.created_by, u.created_by_organisation, s.change_reason
        FROM upload_staged_areas s JOIN uploads u ON u.id = s.upload_id
        WHERE {Ok} AND s.existing_id IS NULL
        """;

    /// <summary>
    /// Version rows straight from the staged rows, which hold exactly what was just written (the revised areas are
    /// locked and checked to be at the staged version), but for the m² the trigger measured, read back by primary key;
    /// and in the same
    /// statement, each version's audit row as <see cref="HazardAreaAudit"/> defines it for every write of an area.
    /// </summary>
    public static readonly string RecordVersionsAndAudit = $"""
        WITH v AS (
            INSERT INTO hazard_area_versions (hazard_area_id, version, country_code, local_id, name, classification, contamination,
                status, evidence, date_of_information, organisation_code, geometry, area_sqm, recorded_at, recorded_by,
                recorded_by_organisation, change_reason)
            SELECT COALESCE(s.existing_id, s.record_id), COALESCE(s.existing_version + 1, 1), u.country_code, s.local_id, s.name,
                   s.classification, s.contamination, s.status, s.evidence, s.date_of_information, s.organisation_code, s.geometry,
                   (SELECT a.area_sqm FROM hazard_areas a WHERE a.id = COALESCE(s.existing_id, s.record_id)),
                   now(), u.created_by, u.created_by_organisation, s.change_reason
            FROM upload_staged_areas s JOIN uploads u ON u.id = s.upload_id
            WHERE {Changed}
            RETURNING *)
        {HazardAreaAudit.InsertFrom("v", "CASE WHEN v.version = 1 THEN 'CREATE' ELSE 'REVISE' END")}
        """;

    public const string KeepTraverses = $"""
        INSERT INTO hazard_area_traverses (hazard_area_id, version, traverse, recorded_at)
        SELECT COALESCE(s.existing_id, s.record_id), COALESCE(s.existing_version + 1, 1), s.traverse, now()
        FROM upload_staged_areas s
        WHERE {Changed} AND s.traverse IS NOT NULL
        """;

    /// <summary>
    /// The reports' outbox, in the merge's transaction: one row for the upload's register changes from its earliest
    /// date of information, and one per revised area with released land, whose new outline clips that land anew.
    /// </summary>
    public const string MarkReportsDirty = $"""
        INSERT INTO report_dirty (country_code, since, hazard_area_id, cause, recorded_at)
        SELECT country_code, min(date_of_information), area_id, 'UPLOAD', now()
        FROM (SELECT u.country_code, s.date_of_information,
                     CASE WHEN EXISTS (SELECT 1 FROM release_decisions d WHERE d.hazard_area_id = s.existing_id
                                       AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER', 'REVOKED'))
                          THEN s.existing_id END AS area_id
              FROM upload_staged_areas s JOIN uploads u ON u.id = s.upload_id
              WHERE {Changed}) merged
        GROUP BY country_code, area_id
        RETURNING country_code
        """;

    public const string RevisedWithReleases = $"""
        SELECT DISTINCT s.existing_id FROM upload_staged_areas s
        WHERE {Changed} AND s.existing_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM release_decisions d
                      WHERE d.hazard_area_id = s.existing_id AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER'))
        """;

    public const string RecordOutcomes = $"""
        INSERT INTO upload_features (upload_id, index, local_id, outcome, action, record_id, violations, warnings,
            name, line, geometry, attributes)
        SELECT s.upload_id, s.index, s.local_id,
               CASE WHEN s.violations IS NULL THEN 'ACCEPTED' ELSE 'REJECTED' END,
               CASE WHEN s.violations IS NOT NULL THEN NULL WHEN s.existing_id IS NULL THEN 'CREATED'
                    WHEN s.unchanged THEN 'UNCHANGED' ELSE 'UPDATED' END,
               CASE WHEN s.violations IS NULL THEN COALESCE(s.existing_id, s.record_id) END,
               s.violations, s.warnings, s.reported_name, s.line, s.refused_geometry, s.refused_attributes
        FROM upload_staged_areas s WHERE {InRange}
        """;

    public const string RecordAtomicOutcomes = $"""
        INSERT INTO upload_features (upload_id, index, local_id, outcome, action, record_id, violations, warnings,
            name, line, geometry, attributes)
        SELECT s.upload_id, s.index, s.local_id, CASE WHEN s.violations IS NULL THEN 'NOT_STORED' ELSE 'REJECTED' END,
               NULL, NULL, s.violations, s.warnings, s.reported_name, s.line, s.refused_geometry, s.refused_attributes
        FROM upload_staged_areas s WHERE {InRange}
        """;

    private const string Counts = """
        (SELECT count(*)::int AS total, (count(*) FILTER (WHERE outcome = 'ACCEPTED'))::int AS accepted,
                (count(*) FILTER (WHERE outcome = 'REJECTED'))::int AS rejected
         FROM upload_features WHERE upload_id = $1) c
        """;

    /// <summary>
    /// DONE when every staged feature has its outcome row. Staged rows live in an unlogged table, which a database
    /// crash empties: then the features never merged are lost, and the upload says so (FAILED, the outcome rows holding
    /// what did land) instead of passing for complete.
    /// </summary>
    public const string FinishDone = $"""
        UPDATE uploads u SET state = CASE WHEN c.total < u.total THEN 'FAILED' ELSE 'DONE' END, finished_at = clock_timestamp(),
                             processed = c.total, accepted = c.accepted, rejected = c.rejected,
                             problem_status = CASE WHEN c.total < u.total THEN 503 END,
                             problem = CASE WHEN c.total < u.total THEN jsonb_build_object(
                                 'type', 'https://landrelease.org/problems/upload-interrupted',
                                 'title', 'Part of the upload was lost',
                                 'status', 503,
                                 'detail', format('The database restarted before %s of the %s features were merged, and lost them; its per-feature outcomes list the %s that were. Send the file again: the features already stored come back UNCHANGED.',
                                                  u.total - c.total, u.total, c.total)) END
        FROM {Counts} WHERE u.id = $1
        """;

    /// <summary>$2: the problem (<see cref="AtomicRefusal"/>); $3, $4: the outcome rows and the rejected ones.</summary>
    public const string FinishFailed = """
        UPDATE uploads SET state = 'FAILED', finished_at = clock_timestamp(), total = $3, processed = $3,
                           accepted = 0, rejected = $4, problem_status = 422, problem = $2::jsonb
        WHERE id = $1
        """;

    public const string OutcomeCounts = """
        SELECT count(*)::int, (count(*) FILTER (WHERE outcome = 'REJECTED'))::int FROM upload_features WHERE upload_id = $1
        """;

    public const string DropStaged = $"DELETE FROM upload_staged_areas s WHERE {InRange}";

    public const string AnyStaged = "SELECT EXISTS (SELECT 1 FROM upload_staged_areas WHERE upload_id = $1)";

    /// <summary>The staged rows' indexes cut into ranges of $2 rows each (the last holds what is left), in order.</summary>
    public const string Ranges = """
        SELECT min(index), max(index) + 1 FROM (
            SELECT index, (row_number() OVER (ORDER BY index) - 1) / $2 AS part
            FROM upload_staged_areas WHERE upload_id = $1) numbered
        GROUP BY part ORDER BY part
        """;
}

