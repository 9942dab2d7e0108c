using LandRelease.Data.Ogc;

namespace LandRelease.Data.Exports;

/// <summary>
/// What each collection's export holds. The hazardous areas carry every attribute the upload reads back (localId, name,
/// classification, contamination, status, evidence, dateOfInformation, organisation) in a form it parses to the very
/// values stored, so the file sent back is UNCHANGED; the other attributes are for reading and the upload ignores them.
/// </summary>
public static class ExportLayouts
{
    /// <summary>
    /// Evidence as "KIND: description; KIND: description", as people type it, when that reads back the same; otherwise
    /// (a description holding ';' or '|', or blank at an end) the stored JSON array, which the upload also reads.
    /// </summary>
    private const string Evidence = """
        CASE WHEN jsonb_array_length(a.evidence) = 0 THEN NULL
             WHEN NOT EXISTS (SELECT 1 FROM jsonb_array_elements(a.evidence) e
                              WHERE e->>'description' ~ '[;|]|^\s|\s$|^$' OR e - 'kind' - 'description' <> '{}'::jsonb)
             THEN (SELECT string_agg((e->>'kind') || ': ' || (e->>'description'), '; ' ORDER BY n)
                   FROM jsonb_array_elements(a.evidence) WITH ORDINALITY x(e, n))
             ELSE a.evidence::text END
        """;

    private static ExportColumn Text(string name, string dbf, string sql, int width) => new(name, dbf, ExportType.Text, sql, width);

    private static ExportColumn Sqm(string name, string dbf, string column) =>
        new(name, dbf, ExportType.Real, $"round({column}::numeric, 2)::float8");

    private static ExportColumn AreaLocalId(string alias) => Text("hazardAreaLocalId", "HA_LOCALID",
        $"(SELECT h.local_id FROM hazard_areas h WHERE h.id = {alias}.hazard_area_id)", 64);

    public static readonly ExportLayout HazardAreas = new("hazard_areas", FeatureSources.HazardAreas,
    [
        Text("id", "ID", "a.id::text", 36),
        Text("countryCode", "COUNTRY", "a.country_code", 3),
        Text("localId", "LOCAL_ID", "a.local_id", 64),
        Text("name", "NAME", "a.name", 254),
        Text("classification", "CLASSIF", "a.classification", 8),
        Text("contamination", "CONTAMIN", "NULLIF(array_to_string(a.contamination, ','), '')", 80),
        Text("status", "STATUS", "a.status", 16),
        Text("evidence", "EVIDENCE", Evidence, 254),
        new("dateOfInformation", "DATE_INFO", ExportType.Date, "a.date_of_information"),
        Text("organisation", "ORG", "a.organisation_code", 20),
        Sqm("areaSqm", "AREA_SQM", "a.area_sqm"),
        Sqm("remainingAreaSqm", "REMAIN_SQM", "a.remaining_area_sqm"),
        Sqm("releasedAreaSqm", "RELEAS_SQM", "a.released_area_sqm"),
        new("version", "VERSION", ExportType.WholeNumber, "a.version::bigint"),
        Text("recordedAt", "RECORDED", """to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""", 20),
    ]);

    public static readonly ExportLayout ReleasedLand = new("released_land", FeatureSources.ReleasedLand,
    [
        Text("id", "ID", "d.id::text", 36),
        Text("countryCode", "COUNTRY", "d.country_code", 3),
        Text("hazardAreaId", "HA_ID", "d.hazard_area_id::text", 36),
        AreaLocalId("d"),
        Text("kind", "KIND", "d.kind", 16),
        Text("state", "STATE", "d.state", 16),
        Text("organisation", "ORG", "d.organisation_code", 20),
        Text("activityId", "ACTIVITY", "d.activity_id::text", 36),
        new("dateOfInformation", "DATE_INFO", ExportType.Date, "d.date_of_information"),
        Text("approvedAt", "APPROVED", """to_char(d.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""", 20),
        Sqm("areaSqm", "AREA_SQM", "d.area_sqm"),
        Sqm("creditedAreaSqm", "CREDIT_SQM", "d.credited_area_sqm"),
    ]);

    public static readonly ExportLayout Activities = new("activities", FeatureSources.Activities,
    [
        Text("id", "ID", "t.id::text", 36),
        Text("countryCode", "COUNTRY", "t.country_code", 3),
        Text("hazardAreaId", "HA_ID", "t.hazard_area_id::text", 36),
        AreaLocalId("t"),
        Text("localId", "LOCAL_ID", "t.local_id", 64),
        Text("type", "TYPE", "t.type", 32),
        Text("organisation", "ORG", "t.organisation_code", 20),
        Text("method", "METHOD", "t.method", 254),
        Text("status", "STATUS", "t.status", 16),
        new("startDate", "START", ExportType.Date, "t.start_date"),
        new("endDate", "END", ExportType.Date, "t.end_date"),
        Sqm("workedAreaSqm", "WORKED_SQM", "t.worked_area_sqm"),
        new("version", "VERSION", ExportType.WholeNumber, "t.version::bigint"),
    ]);

    /// <summary>The boundaries as the upload of kind admin-areas reads them back (code, name, level, parentCode).</summary>
    public static readonly ExportLayout AdminAreas = new("admin_areas", FeatureSources.AdminAreas,
    [
        Text("id", "ID", "aa.id::text", 36),
        Text("countryCode", "COUNTRY", "aa.country_code", 3),
        Text("code", "CODE", "aa.code", 64),
        Text("name", "NAME", "aa.name", 254),
        new("level", "LEVEL", ExportType.WholeNumber, "aa.level::bigint"),
        Text("parentCode", "PARENT", "aa.parent_code", 64),
        Sqm("areaSqm", "AREA_SQM", "aa.area_sqm"),
        new("version", "VERSION", ExportType.WholeNumber, "aa.version::bigint"),
        Text("recordedAt", "RECORDED", """to_char(aa.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""", 20),
    ]);

    /// <summary>By the collection id the OGC API and the export route use.</summary>
    public static ExportLayout? Find(string collectionId) => collectionId switch
    {
        "hazard-areas" => HazardAreas,
        "released-land" => ReleasedLand,
        "activities" => Activities,
        "admin-areas" => AdminAreas,
        _ => null,
    };
}
