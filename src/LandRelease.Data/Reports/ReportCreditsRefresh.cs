using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// Keeps <c>report_credits</c> current for the hazardous areas an outbox names, touching only those areas'
/// decisions and the decisions whose land overlaps theirs (the cluster a change can reach), never the country.
/// </summary>
internal static class ReportCreditsRefresh
{
    /// <summary>
    /// A decision's credit: its clipped land less the land of every decision of the country that comes before it
    /// (date of information, then approval order) and still counts at the end of its year. Counting land once per
    /// country, credited to the earliest release, is DOMAIN rule 1; areas registered twice over the same ground
    /// are why this is not the per-area credit.
    /// </summary>
    internal const string CreditAtYearEnd = """
        CASE WHEN i.revoked_from IS NOT NULL AND i.revoked_from <= make_date(extract(year FROM i.date_of_information)::int, 12, 31)
             THEN 0
             ELSE COALESCE((
                 SELECT ST_Area(ST_Difference(i.geometry, ST_Union(k.geometry))::geography)
                 FROM report_credits k
                 WHERE k.country_code = i.country_code AND k.geometry && i.geometry AND k.decision_id <> i.decision_id
                   AND (k.date_of_information, k.approved_at, k.decision_id) < (i.date_of_information, i.approved_at, i.decision_id)
                   AND (k.revoked_from IS NULL
                        OR k.revoked_from > make_date(extract(year FROM i.date_of_information)::int, 12, 31))
                   AND ST_Intersects(k.geometry, i.geometry)
                 HAVING count(*) > 0), i.area_sqm)
        END
        """;

    /// <summary>
    /// Released land clipped to its hazardous area (as the per-area counting does), a MultiPolygon even where the
    /// clip leaves slivers of lower dimension; the common case of land inside its area skips the overlay.
    /// </summary>
    internal const string ClippedGeometry = """
        CASE WHEN ST_CoveredBy(d.geometry, a.geometry) THEN d.geometry
             ELSE ST_Multi(ST_CollectionExtract(ST_Intersection(d.geometry, a.geometry), 3)) END
        """;

    /// <summary>
    /// Decisions that count now or counted once: approved and every later state, revoked included. A date of
    /// information the register refuses (before 1900, or infinite from a register older than that check) counts in
    /// no year: the year arithmetic below cannot take it, and one such row must not stop a country's reports.
    /// </summary>
    internal const string EverApproved = """
        d.approved_at IS NOT NULL AND d.state IN ('APPROVED', 'CERTIFIED', 'HANDED_OVER', 'REVOKED')
        AND d.date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31'
        """;

    internal const string RevokedAt = """
        (SELECT max(e.at) FROM decision_events e WHERE e.decision_id = d.id AND e.to_state = 'REVOKED')
        """;

    private static readonly string[] Statements =
    [
        // The areas' decisions as counted before the change: land they overlapped may gain credit.
        """
        CREATE TEMP TABLE report_before ON COMMIT DROP AS
        SELECT decision_id, kind, date_of_information, approved_at, revoked_from, revoked_at, geometry, credited_sqm
        FROM report_credits WHERE hazard_area_id = ANY($1)
        """,
        $"""
        INSERT INTO report_credits (decision_id, country_code, hazard_area_id, kind, date_of_information, approved_at,
                                    revoked_from, revoked_at, geometry, credited_sqm)
        SELECT d.id, d.country_code, d.hazard_area_id, d.kind, d.date_of_information, d.approved_at, d.revoked_from,
               {RevokedAt}, {ClippedGeometry}, 0
        FROM release_decisions d JOIN hazard_areas a ON a.id = d.hazard_area_id
        WHERE d.hazard_area_id = ANY($1) AND {EverApproved}
        ON CONFLICT (decision_id) DO UPDATE SET
            kind = excluded.kind, date_of_information = excluded.date_of_information, approved_at = excluded.approved_at,
            revoked_from = excluded.revoked_from, revoked_at = excluded.revoked_at, geometry = excluded.geometry
        """,
        $"""
        DELETE FROM report_credits c WHERE c.hazard_area_id = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM release_decisions d WHERE d.id = c.decision_id AND {EverApproved})
        """,
        // Every decision whose credit the change can alter: the areas' own and those overlapping them, before or after.
        """
        CREATE TEMP TABLE report_affected ON COMMIT DROP AS
        WITH touched AS (
            SELECT geometry FROM report_before
            UNION ALL SELECT geometry FROM report_credits WHERE hazard_area_id = ANY($1))
        SELECT c.decision_id, c.date_of_information, c.credited_sqm AS before_sqm
        FROM touched t JOIN report_credits c ON c.geometry && t.geometry AND ST_Intersects(c.geometry, t.geometry)
        UNION
        SELECT c.decision_id, c.date_of_information, c.credited_sqm FROM report_credits c WHERE c.hazard_area_id = ANY($1)
        """,
        $"""
        UPDATE report_credits i SET credited_sqm = {CreditAtYearEnd}
        FROM report_affected f WHERE f.decision_id = i.decision_id
        """,
    ];

    /// <summary>The earliest date of information whose counting changed: a decision added, removed, altered or re-credited.</summary>
    private const string EarliestChange = """
        SELECT least(
            (SELECT min(least(b.date_of_information, c.date_of_information))
             FROM report_before b FULL JOIN (SELECT * FROM report_credits WHERE hazard_area_id = ANY($1)) c USING (decision_id)
             WHERE b.decision_id IS NULL OR c.decision_id IS NULL
                OR (b.kind, b.date_of_information, b.approved_at, b.revoked_from, b.revoked_at, b.geometry)
                   IS DISTINCT FROM (c.kind, c.date_of_information, c.approved_at, c.revoked_from, c.revoked_at, c.geometry)),
            (SELECT min(f.date_of_information) FROM report_affected f JOIN report_credits c USING (decision_id)
             WHERE abs(c.credited_sqm - f.before_sqm) > 1e-6))
        """;

    /// <summary>
    /// Brings the credits of the given areas' decisions, and of the decisions overlapping them, up to date.
    /// Returns the earliest date of information whose figures changed (null: none did).
    /// </summary>
    public static async Task<DateOnly?> RefreshAsync(NpgsqlConnection connection, Guid[] hazardAreaIds,
        CancellationToken ct)
    {
        foreach (var sql in Statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = hazardAreaIds });
            await command.ExecuteNonQueryAsync(ct);
        }

        await using var changed = new NpgsqlCommand(EarliestChange, connection);
        changed.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = hazardAreaIds });
        var earliest = await changed.ExecuteScalarAsync(ct);
        await using var drop = new NpgsqlCommand("DROP TABLE report_before, report_affected", connection);
        await drop.ExecuteNonQueryAsync(ct);
        return earliest is DateOnly date ? date : null;
    }
}
