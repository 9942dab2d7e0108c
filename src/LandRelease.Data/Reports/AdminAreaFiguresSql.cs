namespace LandRelease.Data.Reports;

/// <summary>
/// Remaining and released land of each bucket placed in the country's administrative areas, by geodesic intersection:
/// land lying across a boundary is split exactly. Runs over the figure steps' temporary tables (rpt_buckets,
/// rpt_areas, rpt_released). A hazardous area's outline, or a decision's land, is placed once per version (not once
/// per bucket): when it lies wholly inside an administrative area, its whole figure is that area's (the common case,
/// no overlay); when it crosses a boundary, the land itself (remaining at the bucket's end, or credited to the
/// decision) is intersected with each area it touches and measured on the ellipsoid.
/// </summary>
internal static class AdminAreaFiguresSql
{
    private static string CountsAt(string alias, string bucket) => $"""
        {alias}.approved_at < {bucket}.known_before
        AND NOT COALESCE({alias}.revoked_at < {bucket}.known_before AND {alias}.revoked_from <= {bucket}.period_to, false)
        """;

    /// <summary>Whether the country has administrative areas at all (else the step is skipped).</summary>
    public const string Any = "SELECT EXISTS (SELECT 1 FROM admin_areas WHERE country_code = $1)";

    /// <summary>(bucket, admin area id, figure, value) rows; figures are remaining.{sha|cha}.areaSqm, remaining.count, released.{kind}Sqm.</summary>
    public static readonly string Figures = $"""
        WITH admins AS MATERIALIZED (
            SELECT id, geometry FROM admin_areas WHERE country_code = $1),
        area_places AS MATERIALIZED (
            SELECT v.id AS version_id, a.id AS admin_id, ST_CoveredBy(v.geometry, a.geometry) AS covered
            FROM (SELECT DISTINCT version_id FROM rpt_areas WHERE remaining_sqm > 1) r
            JOIN hazard_area_versions v ON v.id = r.version_id
            JOIN admins a ON a.geometry && v.geometry AND ST_Intersects(a.geometry, v.geometry)),
        decision_places AS MATERIALIZED (
            SELECT c.decision_id, a.id AS admin_id, ST_CoveredBy(c.geometry, a.geometry) AS covered
            FROM (SELECT DISTINCT decision_id FROM rpt_released WHERE credited_sqm > 0) r
            JOIN report_credits c ON c.decision_id = r.decision_id
            JOIN admins a ON a.geometry && c.geometry AND ST_Intersects(a.geometry, c.geometry)),
        remaining AS (
            SELECT r.bucket, r.hazard_area_id, lower(r.classification) AS class, p.admin_id,
                   CASE WHEN p.covered THEN r.remaining_sqm
                        ELSE (SELECT ST_Area(ST_Intersection(
                                         COALESCE(ST_Difference(vv.geometry, ST_Union(d.geometry)), vv.geometry), a.geometry)::geography)
                              FROM hazard_area_versions vv
                              JOIN admin_areas a ON a.id = p.admin_id
                              LEFT JOIN report_credits k ON k.hazard_area_id = vv.hazard_area_id
                                   AND k.date_of_information <= b.period_to AND {CountsAt("k", "b")}
                              LEFT JOIN release_decisions d ON d.id = k.decision_id
                              WHERE vv.id = r.version_id GROUP BY vv.id, a.id)
                   END AS sqm
            FROM rpt_areas r
            JOIN rpt_buckets b ON b.bucket = r.bucket
            JOIN area_places p ON p.version_id = r.version_id
            WHERE r.remaining_sqm > 1),
        released AS (
            SELECT r.bucket, lower(r.kind) AS kind, p.admin_id,
                   CASE WHEN p.covered THEN r.credited_sqm
                        ELSE (SELECT ST_Area(ST_Intersection(COALESCE(ST_Difference(i.geometry, (
                                         SELECT ST_Union(k.geometry) FROM report_credits k
                                         WHERE k.country_code = i.country_code AND k.geometry && i.geometry AND k.decision_id <> i.decision_id
                                           AND (k.date_of_information, k.approved_at, k.decision_id)
                                               < (i.date_of_information, i.approved_at, i.decision_id)
                                           AND {CountsAt("k", "b")}
                                           AND ST_Intersects(k.geometry, i.geometry))), i.geometry), a.geometry)::geography)
                              FROM report_credits i JOIN admin_areas a ON a.id = p.admin_id
                              WHERE i.decision_id = r.decision_id)
                   END AS sqm
            FROM rpt_released r
            JOIN rpt_buckets b ON b.bucket = r.bucket
            JOIN decision_places p ON p.decision_id = r.decision_id
            WHERE r.credited_sqm > 0)
        SELECT bucket, admin_id, 'remaining.' || class || '.areaSqm', sum(sqm) FROM remaining GROUP BY 1, 2, 3
        UNION ALL
        -- An area counts in every administrative area holding more than 1 m² of what remains of it.
        SELECT bucket, admin_id, 'remaining.count', count(DISTINCT hazard_area_id) FROM remaining WHERE sqm > 1 GROUP BY 1, 2
        UNION ALL
        SELECT bucket, admin_id, 'released.' || kind || 'Sqm', sum(sqm) FROM released GROUP BY 1, 2, 3
        """;

    /// <summary>The country's administrative areas, in the order reports list them: provinces by name, each followed by its districts.</summary>
    public const string Areas = """
        SELECT a.id, a.code, a.name, a.level, a.parent_code FROM admin_areas a
        LEFT JOIN admin_areas p ON p.country_code = a.country_code AND p.code = a.parent_code
        WHERE a.country_code = $1
        -- Names as people sort them (Kâmpóng beside Kampot, not after Kr...): ICU's root collation, not the database's.
        ORDER BY COALESCE(p.name, a.name) COLLATE "und-x-icu", COALESCE(p.code, a.code), a.level, a.name COLLATE "und-x-icu", a.code
        """;
}
