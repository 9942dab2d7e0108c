using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>How many decisions a country's credits hold and the m² they credit: the rebuild command's summary line.</summary>
public static class ReportCreditTotals
{
    public static async Task<(long Decisions, double CreditedSqm)> OfAsync(NpgsqlDataSource dataSource, string countryCode,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), COALESCE(sum(credited_sqm), 0) FROM report_credits WHERE country_code = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetDouble(1));
    }
}
