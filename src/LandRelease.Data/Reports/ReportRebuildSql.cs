namespace LandRelease.Data.Reports;

/// <summary>
/// The nightly rebuild's credits, worked out from the decisions themselves and in another way than the incremental
/// refresh: overlapping land is grouped into clusters (ST_ClusterDBSCAN with distance 0, per country), and within a
/// cluster each decision is credited with what it adds to the union of the decisions before it (a running
/// ST_Union over the cluster), never one ST_Union over a whole country. A decision alone in its cluster is
/// credited with its own area, no overlay needed.
/// </summary>
internal static class ReportRebuildSql
{
    private const string YearEnd = "make_date(extract(year FROM date_of_information)::int, 12, 31)";

    public static readonly string Credits = $"""
        CREATE TEMP TABLE report_rebuilt ON COMMIT DROP AS
        WITH src AS (
            SELECT d.id AS decision_id, d.country_code, d.hazard_area_id, d.kind, d.date_of_information, d.approved_at,
                   d.revoked_from, {ReportCreditsRefresh.RevokedAt} AS revoked_at, {ReportCreditsRefresh.ClippedGeometry} AS geometry
            FROM release_decisions d JOIN hazard_areas a ON a.id = d.hazard_area_id
            WHERE d.country_code = ANY($1) AND {ReportCreditsRefresh.EverApproved}),
        clustered AS (
            SELECT s.*, ST_ClusterDBSCAN(s.geometry, 0, 1) OVER (PARTITION BY s.country_code) AS cluster FROM src s),
        sized AS (
            SELECT c.*, count(*) OVER w AS members, bool_or(c.revoked_from IS NOT NULL) OVER w AS has_revoked
            FROM clustered c WINDOW w AS (PARTITION BY c.country_code, c.cluster)),
        -- Where a revocation changes who counts, each year-end is its own evaluation; elsewhere one order serves all.
        evaluations AS (
            SELECT DISTINCT country_code, cluster, CASE WHEN has_revoked THEN {YearEnd} ELSE 'infinity'::date END AS at
            FROM sized WHERE members > 1),
        ordered AS (
            SELECT e.at, s.*, ST_Area(ST_Union(s.geometry) OVER (
                       PARTITION BY s.country_code, s.cluster, e.at ORDER BY s.date_of_information, s.approved_at, s.decision_id
                       ROWS UNBOUNDED PRECEDING)::geography) AS upto
            FROM evaluations e JOIN sized s USING (country_code, cluster)
            WHERE s.date_of_information <= e.at AND (s.revoked_from IS NULL OR s.revoked_from > e.at)),
        telescoped AS (
            SELECT decision_id, upto - COALESCE(lag(upto) OVER (
                       PARTITION BY country_code, cluster, at ORDER BY date_of_information, approved_at, decision_id), 0) AS credit,
                   at = 'infinity'::date OR at = {YearEnd} AS own_year
            FROM ordered)
        SELECT s.decision_id, s.country_code, s.hazard_area_id, s.kind, s.date_of_information, s.approved_at, s.revoked_from,
               s.revoked_at, s.geometry,
               CASE WHEN s.revoked_from IS NOT NULL AND s.revoked_from <= make_date(extract(year FROM s.date_of_information)::int, 12, 31) THEN 0
                    WHEN s.members = 1 THEN ST_Area(s.geometry::geography)
                    ELSE COALESCE(t.credit, 0) END AS credited_sqm
        FROM sized s LEFT JOIN telescoped t ON t.decision_id = s.decision_id AND t.own_year
        """;

    /// <summary>Decisions whose rebuilt credit differs from the stored one by more than a hundredth of a m².</summary>
    public const string DifferingCredits = """
        SELECT count(*) FROM report_rebuilt r FULL JOIN (SELECT * FROM report_credits WHERE country_code = ANY($1)) c USING (decision_id)
        WHERE r.decision_id IS NULL OR c.decision_id IS NULL OR abs(r.credited_sqm - c.credited_sqm) > 0.01
        """;

    public static readonly string[] Replace =
    [
        "DELETE FROM report_credits WHERE country_code = ANY($1)",
        """
        INSERT INTO report_credits (decision_id, country_code, hazard_area_id, kind, date_of_information, approved_at,
                                    revoked_from, revoked_at, geometry, credited_sqm)
        SELECT decision_id, country_code, hazard_area_id, kind, date_of_information, approved_at, revoked_from, revoked_at,
               geometry, credited_sqm
        FROM report_rebuilt
        """,
        "DROP TABLE report_rebuilt",
    ];
}
