using LandRelease.Data.Reports;

namespace LandRelease.Web.Reports;

/// <summary>A year of the country page's trend: empty (not zero) before the country first reported.</summary>
public sealed record CountryTrendYear(int Year, SortedDictionary<string, double>? Values);

/// <summary>
/// A country's figures for a period as its page shows them: the published values, the years of its charts and, for the
/// country's own readers, the figures by administrative area (empty for regional readers, as on the page).
/// </summary>
public sealed record CountryFigures(string Code, string Name, CountryPeriod Period, int? ReportedSince, long DataVersion,
    DateTimeOffset ComputedAt, SortedDictionary<string, double> Values, IReadOnlyList<CountryTrendYear> Trend,
    IReadOnlyList<AdminAreaFigures> AdminAreas)
{
    /// <summary>Ten years at least, as the page's charts.</summary>
    public const int TrendYears = 10;

    public bool Reported => ReportedSince is { } since && since <= Period.To;

    public static async Task<CountryFigures> LoadAsync(ReportReader reports, string code, string name, CountryPeriod period,
        DateOnly today, bool withAdminAreas, CancellationToken ct)
    {
        var report = await reports.CountryAsync(code, period.FromDate, period.ToDate, null, today, ct);
        var since = await reports.ReportedSinceAsync(code, ct);
        var trend = (report.Document.Trend ?? []).Where(t => t.Year >= Math.Min(period.From, period.To - TrendYears + 1))
            .Select(t => new CountryTrendYear(t.Year, since is { } s && s <= t.Year ? PublishedFigures.Of(t.Values) : null));
        var values = PublishedFigures.Of(report.Document.Values);
        return new CountryFigures(code, name, period, since, report.DataVersion, report.ComputedAt, values, [.. trend],
            withAdminAreas ? PublishedAdminAreas.Of(report.Document.AdminAreas, values) : []);
    }
}
