namespace LandRelease.Data.HazardAreas;

/// <summary>
/// PostgreSQL writes each GeoJSON Feature itself, so reads never materialise NTS geometries in .NET:
/// the same approach that makes dedicated feature servers fast. Properties keep the API's names.
/// </summary>
internal static class HazardAreaFeatureSql
{
    private const string CommonPropertiesTemplate = """
        'countryCode', {0}.country_code,
        'localId', {0}.local_id,
        'name', {0}.name,
        'classification', {0}.classification,
        'contamination', {0}.contamination,
        'status', {0}.status,
        'evidence', {0}.evidence,
        'dateOfInformation', {0}.date_of_information,
        'organisation', {0}.organisation_code,
        'areaSqm', round({0}.area_sqm::numeric, 2),
        'version', {0}.version,
        'recordedAt', to_char({0}.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'recordedBy', {0}.recorded_by,
        'recordedByOrganisation', {0}.recorded_by_organisation
        """;

    private static string CommonProperties(string alias) => CommonPropertiesTemplate.Replace("{0}", alias, StringComparison.Ordinal);

    /// <summary>A text expression rendering the current state of hazard_areas row <paramref name="alias"/>.</summary>
    /// <param name="geoJson">The geometry's GeoJSON text expression; by default the stored WGS 84 geometry.</param>
    public static string Current(string alias, string? geoJson = null) =>
        Feature($"{alias}.id", geoJson ?? $"ST_AsGeoJSON({alias}.geometry)", CommonProperties(alias) + $"""
            ,
            'remainingAreaSqm', round({alias}.remaining_area_sqm::numeric, 2),
            'releasedAreaSqm', round({alias}.released_area_sqm::numeric, 2)
            """);

    /// <summary>A text expression rendering hazard_area_versions row <paramref name="alias"/>, with why it was recorded.</summary>
    public static string Version(string alias, string extraProperties = "") =>
        Feature($"{alias}.hazard_area_id", $"ST_AsGeoJSON({alias}.geometry)",
            CommonProperties(alias) + $",\n'changeReason', {alias}.change_reason" + extraProperties);

    internal static string Feature(string idColumn, string geoJson, string properties) => $$"""
        '{"type":"Feature","id":"' || {{idColumn}} || '","geometry":' || {{geoJson}} ||
        ',"properties":' || json_build_object('id', {{idColumn}}, {{properties}})::text || '}'
        """;
}
