using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>Reads the regional comparison: each state's stored year and trend, brought up to date as a country report is.</summary>
public sealed class RegionalReader(ReportReader reports, NpgsqlDataSource dataSource)
{
    public async Task<RegionalFigures> YearAsync(int year, DateOnly today, CancellationToken ct)
    {
        var countries = await CountriesAsync(ct);
        // Each state is read in its own transaction (its own data version); ten at once keep the page quick.
        var rows = await Task.WhenAll(countries.Select(async c =>
        {
            var (report, since) = await reports.CountryYearAsync(c.Code, year, today, ct);
            return RegionalCountryFigures.Of(c.Code, c.Name, year, report, since);
        }));
        return RegionalFigures.Of(year, rows);
    }

    /// <summary>The states by name, as readers look them up (Cambodia before Indonesia, though KHM sorts after IDN).</summary>
    private async Task<List<(string Code, string Name)>> CountriesAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT code, name FROM countries");
        var countries = new List<(string Code, string Name)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            countries.Add((reader.GetString(0), reader.GetString(1)));
        }

        return [.. countries.OrderBy(c => c.Name, StringComparer.InvariantCultureIgnoreCase)];
    }
}
