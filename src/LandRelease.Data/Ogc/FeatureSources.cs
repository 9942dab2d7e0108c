using LandRelease.Data.HazardAreas;

namespace LandRelease.Data.Ogc;

/// <summary>The tables the OGC API publishes. Property names follow the API's own GeoJSON.</summary>
public static class FeatureSources
{
    /// <summary>The register as it stands: the same Feature as GET /api/hazard-areas/{id}.</summary>
    public static readonly FeatureSource HazardAreas = new(
        "hazard_areas", "a", geoJson => HazardAreaFeatureSql.Current("a", geoJson), null,
        new Dictionary<string, string>
        {
            ["country"] = "a.country_code", ["status"] = "a.status", ["classification"] = "a.classification",
            ["organisation"] = "a.organisation_code",
        },
        "a.date_of_information", "a.date_of_information", "a.geometry")
    {
        SearchColumns = new Dictionary<string, string> { ["localId"] = "a.local_id", ["name"] = "a.name" },
        TileLabels = new Dictionary<string, string> { ["localId"] = "a.local_id", ["name"] = "a.name" },
    };

    /// <summary>
    /// Land released by a decision that counts (approved, certified, handed over): drafts, submissions,
    /// rejections and revocations move no figure, so they are not released land.
    /// </summary>
    public static readonly FeatureSource ReleasedLand = new(
        "release_decisions", "d", geoJson => HazardAreaFeatureSql.Feature("d.id", geoJson, """
            'countryCode', d.country_code,
            'hazardAreaId', d.hazard_area_id,
            'kind', d.kind,
            'state', d.state,
            'organisation', d.organisation_code,
            'activityId', d.activity_id,
            'dateOfInformation', d.date_of_information,
            'approvedAt', to_char(d.approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            'areaSqm', round(d.area_sqm::numeric, 2),
            'creditedAreaSqm', round(d.credited_area_sqm::numeric, 2)
            """),
        "d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')",
        new Dictionary<string, string>
        {
            ["country"] = "d.country_code", ["status"] = "d.state", ["kind"] = "d.kind", ["organisation"] = "d.organisation_code",
        },
        "d.date_of_information", "d.date_of_information", "d.geometry");

    /// <summary>Surveys and clearances by the land worked; an activity recorded without one has a null geometry.</summary>
    public static readonly FeatureSource Activities = new(
        "activities", "t", geoJson => HazardAreaFeatureSql.Feature("t.id", $"COALESCE({geoJson}, 'null')", """
            'countryCode', t.country_code,
            'hazardAreaId', t.hazard_area_id,
            'localId', t.local_id,
            'type', t.type,
            'organisation', t.organisation_code,
            'method', t.method,
            'status', t.status,
            'startDate', t.start_date,
            'endDate', t.end_date,
            'workedAreaSqm', round(t.worked_area_sqm::numeric, 2),
            'version', t.version
            """),
        null,
        new Dictionary<string, string>
        {
            ["country"] = "t.country_code", ["status"] = "t.status", ["type"] = "t.type", ["organisation"] = "t.organisation_code",
        },
        "t.start_date", "COALESCE(t.end_date, t.start_date)", "t.worked_area")
    {
        TileLabels = new Dictionary<string, string> { ["localId"] = "t.local_id" },
    };

    /// <summary>
    /// Administrative areas as their national authority loaded them (provinces, districts), current versions; the date
    /// filter reads the day the current version was recorded (UTC), the only date a boundary carries.
    /// </summary>
    public static readonly FeatureSource AdminAreas = new(
        "admin_areas", "aa", geoJson => HazardAreaFeatureSql.Feature("aa.id", geoJson, """
            'countryCode', aa.country_code,
            'code', aa.code,
            'name', aa.name,
            'level', aa.level,
            'parentCode', aa.parent_code,
            'areaSqm', round(aa.area_sqm::numeric, 2),
            'version', aa.version,
            'recordedAt', to_char(aa.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            """),
        null,
        new Dictionary<string, string>
        {
            ["country"] = "aa.country_code", ["level"] = "aa.level::text", ["parentCode"] = "aa.parent_code",
        },
        "(aa.recorded_at AT TIME ZONE 'UTC')::date", "(aa.recorded_at AT TIME ZONE 'UTC')::date", "aa.geometry")
    {
        TileLabels = new Dictionary<string, string> { ["code"] = "aa.code", ["name"] = "aa.name" },
    };
}
