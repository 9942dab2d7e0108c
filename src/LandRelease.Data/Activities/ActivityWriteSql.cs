using LandRelease.Data.HazardAreas;

namespace LandRelease.Data.Activities;

/// <summary>
/// The statements of <see cref="ActivityWriter"/>, each over arrays (one element per activity, device, outcome or area)
/// sent binary in one round trip: the same statements write one activity for the API and a part of an upload.
/// </summary>
internal static class ActivityWriteSql
{
    // Lazy: the static readonly statements below are not yet assigned while the class's fields are initialised.
    private static readonly Lazy<Dictionary<string, string>> Names = new(() => typeof(ActivityWriteSql)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(string)).ToDictionary(f => (string)f.GetValue(null)!, f => f.Name, StringComparer.Ordinal));

    /// <summary>The name of one of these statements, for <see cref="Common.StepClock"/>.</summary>
    public static string NameOf(string sql) => Names.Value.GetValueOrDefault(sql, "other");

    /// <summary>The activity columns, in the order of <see cref="ActivityRows"/>' arrays ($1..$18).</summary>
    private const string Rows = """
        unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[],
               $10::text[], $11::geometry[], $12::geometry[], $13::text[], $14::int[], $15::timestamptz[], $16::text[],
               $17::text[], $18::text[])
            AS r(id, hazard_area_id, country_code, local_id, type, organisation_code, method, start_date, end_date, status,
                 reference_point, worked_area, notes, version, recorded_at, recorded_by, recorded_by_organisation, change_reason)
        """;

    /// <summary>
    /// Areas before activities, the order every activity write and <c>ActivityDecisions</c> take them in; only OPEN
    /// areas are locked (the only ones work moves), so work on areas already worked on does not queue.
    /// </summary>
    public const string LockOpenAreas = "SELECT 1 FROM hazard_areas WHERE id = ANY($1) AND status = 'OPEN' ORDER BY id FOR UPDATE";

    public const string LockActivities = "SELECT 1 FROM activities WHERE id = ANY($1) ORDER BY id FOR UPDATE";

    /// <summary>A local id taken meanwhile by another writer leaves its row out (not returned) instead of failing all.</summary>
    public const string Insert = $"""
        INSERT INTO activities (id, hazard_area_id, country_code, local_id, type, organisation_code, method, start_date, end_date,
            status, reference_point, worked_area, notes, version, recorded_at, recorded_by, recorded_by_organisation, change_reason)
        SELECT r.* FROM {Rows}
        ON CONFLICT (country_code, local_id) DO NOTHING
        RETURNING id, worked_area_sqm
        """;

    /// <summary>A revision lands only on the version it was made from; a row that moved on meanwhile is not returned.</summary>
    public const string Update = $"""
        UPDATE activities a
        SET local_id = r.local_id, type = r.type, organisation_code = r.organisation_code, method = r.method,
            start_date = r.start_date, end_date = r.end_date, status = r.status, reference_point = r.reference_point,
            worked_area = r.worked_area, notes = r.notes, version = r.version, recorded_at = r.recorded_at,
            recorded_by = r.recorded_by, recorded_by_organisation = r.recorded_by_organisation, change_reason = r.change_reason
        FROM {Rows}
        WHERE a.id = r.id AND a.version = r.version - 1
        RETURNING a.id, a.worked_area_sqm
        """;

    public const string DeleteDevices = "DELETE FROM activity_devices WHERE activity_id = ANY($1)";

    public const string InsertDevices = """
        INSERT INTO activity_devices (activity_id, device_type, found, destroyed)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[])
        """;

    public const string DeleteOutcomes = "DELETE FROM activity_outcomes WHERE activity_id = ANY($1)";

    public const string InsertOutcomes = """
        INSERT INTO activity_outcomes (activity_id, ordinal, kind, geometry, release_decision_id)
        SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::geometry[], $5::uuid[])
        RETURNING activity_id, ordinal, area_sqm
        """;

    public const string InsertVersions = """
        INSERT INTO activity_versions (activity_id, version, feature, recorded_at, recorded_by, recorded_by_organisation, change_reason)
        SELECT v.id, v.version, v.feature::jsonb, v.at, v.actor, v.org, v.reason
        FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
            AS v(id, version, feature, at, actor, org, reason)
        """;

    public const string InsertAudit = """
        INSERT INTO audit_log (at, actor, actor_organisation, country_code, entity_type, entity_id, action, before, after, reason)
        SELECT now(), v.actor, v.org, v.country, 'ACTIVITY', v.id, v.action, v.before::jsonb, v.after::jsonb, v.reason
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
            AS v(id, actor, org, country, action, before, after, reason)
        """;

    /// <summary>
    /// Work under way or done on an OPEN area makes it WORKED_ON, dated when the work began (never earlier than the area's
    /// own date of information): a new version of the area and its STATUS audit row, defined once in
    /// <see cref="HazardAreaAudit"/>. One element per area: the first activity on it that the write records.
    /// </summary>
    public static readonly string MoveAreasToWorkedOn = $"""
        WITH moved AS (
            UPDATE hazard_areas a
            SET status = 'WORKED_ON', version = a.version + 1, date_of_information = greatest(a.date_of_information, w.started),
                recorded_at = w.at, recorded_by = w.actor, recorded_by_organisation = w.org, change_reason = w.reason
            FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
                AS w(area_id, started, reason, actor, org, at)
            WHERE a.id = w.area_id AND a.status = 'OPEN'
            RETURNING a.*
        ), versions AS (
            INSERT INTO hazard_area_versions (hazard_area_id, version, country_code, local_id, name, classification, contamination,
                status, evidence, date_of_information, organisation_code, geometry, area_sqm, recorded_at, recorded_by,
                recorded_by_organisation, change_reason)
            SELECT id, version, country_code, local_id, name, classification, contamination, status, evidence, date_of_information,
                   organisation_code, geometry, area_sqm, recorded_at, recorded_by, recorded_by_organisation, change_reason
            FROM moved
            RETURNING *
        )
        {HazardAreaAudit.InsertFrom("versions v", "'STATUS'")}
        """;

    /// <summary>The reports' outbox: per country, from the earliest date the written activities may change figures.</summary>
    public const string MarkReportsDirty = """
        INSERT INTO report_dirty (country_code, since, hazard_area_id, cause, recorded_at)
        SELECT d.country, min(d.since), NULL, 'ACTIVITY', max(d.at)
        FROM unnest($1::text[], $2::date[], $3::timestamptz[]) AS d(country, since, at)
        GROUP BY d.country
        """;
}
