using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// Whether a country has reported anything: a report of a year before its first record is "no data reported", which
/// readers must not take for "no contamination" (a zero).
/// </summary>
internal static class ReportCoverage
{
    /// <summary>
    /// The first year of the country's records by date of information (a register version, a counted or once-counted
    /// release decision, a completed activity); null when it has none.
    /// </summary>
    public static async Task<int?> FirstYearAsync(NpgsqlConnection connection, string countryCode, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT extract(year FROM least(
                (SELECT min(date_of_information) FROM hazard_area_versions WHERE country_code = $1),
                (SELECT min(date_of_information) FROM report_credits WHERE country_code = $1),
                (SELECT min(end_date) FROM activities WHERE country_code = $1 AND status = 'COMPLETED')))::int
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        return await command.ExecuteScalarAsync(ct) is int year ? year : null;
    }
}
