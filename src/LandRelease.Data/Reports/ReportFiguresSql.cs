namespace LandRelease.Data.Reports;

/// <summary>
/// The report figures as set-based SQL over temporary tables, one statement per step. A bucket is a period
/// [period_from, period_to] seen with what was recorded before known_before ('infinity': everything recorded).
/// </summary>
internal static class ReportFiguresSql
{
    /// <summary>Counted at the end of the bucket, as known then: approved, and not revoked with effect by then.</summary>
    private static string CountsAt(string alias, string bucket) => $"""
        {alias}.approved_at < {bucket}.known_before
        AND NOT COALESCE({alias}.revoked_at < {bucket}.known_before AND {alias}.revoked_from <= {bucket}.period_to, false)
        """;

    public const string Buckets = """
        CREATE TEMP TABLE rpt_buckets ON COMMIT DROP AS
        SELECT b.bucket, b.period_from, b.period_to, COALESCE($4, 'infinity'::timestamptz) AS known_before, $4 IS NULL AS latest
        FROM unnest($1::int[], $2::date[], $3::date[]) AS b(bucket, period_from, period_to)
        """;

    /// <summary>A handful of rows, but the planner must know it: it joins them to every row of a country.</summary>
    public const string AnalyzeBuckets = "ANALYZE rpt_buckets";

    /// <summary>
    /// Land released in each bucket, by decision: its credit at the bucket's end. With everything recorded and a
    /// bucket ending on 31 December the pipeline's stored credit is that very figure; otherwise it is worked out
    /// again against the decisions counted at the bucket's end as known then.
    /// </summary>
    public static readonly string Released = $"""
        CREATE TEMP TABLE rpt_released ON COMMIT DROP AS
        SELECT b.bucket, i.decision_id, i.hazard_area_id, i.kind,
               (ST_XMin(i.geometry) + ST_XMax(i.geometry)) / 2 AS x, (ST_YMin(i.geometry) + ST_YMax(i.geometry)) / 2 AS y,
               CASE WHEN b.latest AND b.period_to = make_date(extract(year FROM i.date_of_information)::int, 12, 31)
                    THEN i.credited_sqm
                    ELSE COALESCE((
                        SELECT ST_Area(ST_Difference(i.geometry, ST_Union(k.geometry))::geography)
                        FROM report_credits k
                        WHERE k.country_code = i.country_code AND k.geometry && i.geometry AND k.decision_id <> i.decision_id
                          AND (k.date_of_information, k.approved_at, k.decision_id) < (i.date_of_information, i.approved_at, i.decision_id)
                          AND {CountsAt("k", "b")}
                          AND ST_Intersects(k.geometry, i.geometry)
                        HAVING count(*) > 0), i.area_sqm)
               END AS credited_sqm
        FROM rpt_buckets b
        JOIN report_credits i ON i.country_code = $1 AND i.date_of_information BETWEEN b.period_from AND b.period_to
        WHERE {CountsAt("i", "b")}
        """;

    /// <summary>
    /// Each hazardous area at each bucket's end: the version then true and recorded, and what of it remains. An
    /// area none of whose decisions was ever revoked or approved after the as-at date, and whose outline then is
    /// today's, remains its m² less the per-area credits of decisions dated by then (they telescope to the union);
    /// any other is worked out from the geometry. Closed and handed-over areas have nothing left.
    /// </summary>
    public static readonly string Areas = $"""
        CREATE TEMP TABLE rpt_areas ON COMMIT DROP AS
        -- The country's rows are read once each (materialized, from covering indexes) and matched to every bucket in memory.
        WITH versions AS MATERIALIZED (
            SELECT id, hazard_area_id, date_of_information, version, recorded_at, classification, contamination, status, area_sqm,
                   -- The outline the per-area credits were clipped to: the area's latest version.
                   first_value(area_sqm) OVER (PARTITION BY hazard_area_id ORDER BY version DESC) AS current_sqm
            FROM hazard_area_versions WHERE country_code = $1),
        decisions AS MATERIALIZED (
            SELECT hazard_area_id, date_of_information, credited_area_sqm FROM release_decisions
            WHERE country_code = $1 AND state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER')),
        v AS (
            SELECT DISTINCT ON (b.bucket, v.hazard_area_id) b.bucket, b.period_to, b.known_before, v.id AS version_id,
                   v.hazard_area_id, v.classification, v.contamination, v.status, v.area_sqm, v.current_sqm
            FROM rpt_buckets b JOIN versions v ON v.date_of_information <= b.period_to AND v.recorded_at < b.known_before
            ORDER BY b.bucket, v.hazard_area_id, v.date_of_information DESC, v.version DESC),
        irregular AS (
            SELECT b.bucket, c.hazard_area_id FROM rpt_buckets b
            JOIN report_credits c ON c.country_code = $1 AND c.revoked_at IS NOT NULL
            UNION
            SELECT b.bucket, c.hazard_area_id FROM rpt_buckets b
            JOIN report_credits c ON c.country_code = $1 AND c.approved_at >= b.known_before
            WHERE NOT b.latest),
        released AS (
            SELECT b.bucket, d.hazard_area_id, sum(d.credited_area_sqm) AS sqm
            FROM rpt_buckets b JOIN decisions d ON d.date_of_information <= b.period_to
            GROUP BY 1, 2)
        SELECT v.bucket, v.hazard_area_id, v.version_id, v.classification, v.contamination,
               CASE WHEN v.status NOT IN ('OPEN', 'WORKED_ON') THEN 0
                    WHEN g.hazard_area_id IS NULL AND abs(v.area_sqm - v.current_sqm) < 0.001
                    THEN greatest(v.area_sqm - COALESCE(r.sqm, 0), 0)
                    ELSE (
                        SELECT ST_Area(COALESCE(ST_Difference(vv.geometry, ST_Union(d.geometry)), vv.geometry)::geography)
                        FROM hazard_area_versions vv
                        LEFT JOIN report_credits k ON k.hazard_area_id = vv.hazard_area_id
                             AND k.date_of_information <= v.period_to AND {CountsAt("k", "v")}
                        LEFT JOIN release_decisions d ON d.id = k.decision_id
                        WHERE vv.id = v.version_id GROUP BY vv.id)
               END AS remaining_sqm
        FROM v
        LEFT JOIN irregular g ON g.bucket = v.bucket AND g.hazard_area_id = v.hazard_area_id
        LEFT JOIN released r ON r.bucket = v.bucket AND r.hazard_area_id = v.hazard_area_id
        """;

    /// <summary>
    /// Flat (bucket, figure, value) rows. An area is remaining while more than 1 m² of it is left (the register's
    /// closing tolerance). Areas of several contamination types count under each; released land takes the types
    /// of its area's version at the bucket's end.
    /// </summary>
    public const string Figures = """
        SELECT bucket, figure, value FROM (
            SELECT bucket, 'remaining.' || lower(classification) || '.count' AS figure, count(*)::float8 AS value
            FROM rpt_areas WHERE remaining_sqm > 1 GROUP BY 1, 2
            UNION ALL
            SELECT bucket, 'remaining.' || lower(classification) || '.areaSqm', sum(remaining_sqm)
            FROM rpt_areas WHERE remaining_sqm > 1 GROUP BY 1, 2
            UNION ALL
            SELECT bucket, 'remaining.byContamination.' || t || '.count', count(*)
            FROM rpt_areas, unnest(contamination) t WHERE remaining_sqm > 1 GROUP BY 1, 2
            UNION ALL
            SELECT bucket, 'remaining.byContamination.' || t || '.areaSqm', sum(remaining_sqm)
            FROM rpt_areas, unnest(contamination) t WHERE remaining_sqm > 1 GROUP BY 1, 2
            UNION ALL
            SELECT bucket, 'released.' || lower(kind) || 'Sqm', sum(credited_sqm) FROM rpt_released GROUP BY 1, 2
            UNION ALL
            SELECT r.bucket, 'released.byContamination.' || t || '.' || lower(r.kind) || 'Sqm', sum(r.credited_sqm)
            FROM rpt_released r
            LEFT JOIN rpt_areas a ON a.bucket = r.bucket AND a.hazard_area_id = r.hazard_area_id
            -- An area first recorded after the decision's date (or after the as-at date) has no version then: today's types.
            CROSS JOIN LATERAL unnest(COALESCE(a.contamination,
                (SELECT h.contamination FROM hazard_areas h WHERE h.id = r.hazard_area_id))) t
            GROUP BY 1, 2
            UNION ALL
            -- Devices of activities completed in the bucket (by end date): with everything recorded, as they stand now...
            SELECT b.bucket, 'devices.' || x.name || '.' || v.device_type, x.value
            FROM rpt_buckets b
            JOIN activities a ON a.country_code = $1 AND a.status = 'COMPLETED' AND a.end_date BETWEEN b.period_from AND b.period_to
            JOIN activity_devices v ON v.activity_id = a.id
            CROSS JOIN LATERAL (VALUES ('found', v.found::float8), ('destroyed', v.destroyed::float8)) x(name, value)
            WHERE b.latest
            UNION ALL
            -- ...as at a date, as each activity's latest version recorded by then says.
            SELECT b.bucket, 'devices.' || x.name || '.' || (d ->> 'type'), x.value
            FROM rpt_buckets b
            CROSS JOIN LATERAL (
                SELECT DISTINCT ON (v.activity_id) v.feature -> 'properties' AS p
                FROM activities a JOIN activity_versions v ON v.activity_id = a.id
                WHERE a.country_code = $1 AND v.recorded_at < b.known_before
                ORDER BY v.activity_id, v.version DESC) s
            CROSS JOIN LATERAL jsonb_array_elements(s.p -> 'devices') d
            CROSS JOIN LATERAL (VALUES ('found', (d ->> 'found')::float8), ('destroyed', (d ->> 'destroyed')::float8)) x(name, value)
            WHERE NOT b.latest AND s.p ->> 'status' = 'COMPLETED'
              AND (s.p ->> 'endDate')::date BETWEEN b.period_from AND b.period_to
            UNION ALL
            SELECT b.bucket, 'incidents.' || x.name, x.value
            FROM rpt_buckets b
            JOIN quality_incidents q ON q.country_code = $1 AND q.date_of_information BETWEEN b.period_from AND b.period_to
                                     AND q.detected_at < b.known_before
            CROSS JOIN LATERAL (VALUES ('count', 1.0::float8), ('overlapSqm', q.overlap_sqm), ('byKind.' || q.kind, 1.0)) x(name, value)
        ) f
        """;

    /// <summary>
    /// The land of each bucket on a grid over the country's bounding box: remaining land at the bucket's end and
    /// land released in it, by the centre of each area's or decision's bounding box; m² per cell.
    /// </summary>
    public const string Map = """
        WITH box AS MATERIALIZED (
            -- Once: a boundary is large (Indonesia's is 300 KB) and each use would read it again from TOAST.
            SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) - ST_XMin(e) AS width, ST_YMax(e) - ST_YMin(e) AS height
            FROM (SELECT Box2D(boundary) AS e FROM countries WHERE code = $1) c),
        g AS MATERIALIZED (
            SELECT west, south, greatest(width, height) / $2 AS cell,
                   greatest(ceil(width / (greatest(width, height) / $2) - 1e-9), 1)::int AS columns,
                   greatest(ceil(height / (greatest(width, height) / $2) - 1e-9), 1)::int AS rows
            FROM box),
        land AS (
            -- Where an area is: the centre of its bounding box, read only for the areas with land left.
            SELECT r.bucket, 'remaining' AS layer, (ST_XMin(a.geometry) + ST_XMax(a.geometry)) / 2 AS x,
                   (ST_YMin(a.geometry) + ST_YMax(a.geometry)) / 2 AS y, r.remaining_sqm AS sqm
            FROM rpt_areas r JOIN hazard_areas a ON a.id = r.hazard_area_id WHERE r.remaining_sqm > 1 AND r.bucket = ANY($3)
            UNION ALL
            SELECT bucket, 'released', x, y, credited_sqm FROM rpt_released WHERE credited_sqm > 0.01 AND bucket = ANY($3))
        SELECT g.west, g.south, g.cell, g.columns, g.rows, l.bucket, l.layer,
               least(greatest(floor((l.x - g.west) / g.cell)::int, 0), g.columns - 1) AS col,
               least(greatest(floor((l.y - g.south) / g.cell)::int, 0), g.rows - 1) AS row,
               sum(l.sqm) AS sqm
        FROM g LEFT JOIN land l ON l.bucket = ANY($3)
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
        """;

    /// <summary>The areas of one bucket holding a contamination type ($2), with a point on their surface and what remains.</summary>
    public const string TreatyAreas = """
        SELECT h.local_id, v.name, r.classification, r.contamination, ST_Y(p.point), ST_X(p.point), r.remaining_sqm,
               v.date_of_information
        FROM rpt_areas r
        JOIN hazard_area_versions v ON v.id = r.version_id
        JOIN hazard_areas h ON h.id = r.hazard_area_id
        CROSS JOIN LATERAL (SELECT ST_PointOnSurface(v.geometry) AS point) p
        WHERE r.remaining_sqm > 1 AND $1 = ANY(r.contamination)
        ORDER BY h.local_id
        """;
}
