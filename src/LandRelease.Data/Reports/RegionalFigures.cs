namespace LandRelease.Data.Reports;

/// <summary>
/// The ten ASEAN states side by side for a calendar year, aggregates only, as published (rounded; each total the sum
/// of the published rows). A state that had reported nothing by the end of a year has null figures for it: "no data
/// reported", never a row of zeros that reads as "no contamination". States in order of their names.
/// </summary>
public sealed record RegionalFigures(int Year, IReadOnlyList<RegionalCountryFigures> Countries, RegionalTotal Total,
    IReadOnlyList<RegionalTotal> Trend)
{
    public static RegionalFigures Of(int year, IReadOnlyList<RegionalCountryFigures> countries)
    {
        var firstYear = countries.Min(c => c.ReportedSince) is { } first
            ? Math.Clamp(first, year - ReportReader.TrendYears + 1, year)
            : year;
        var trend = Enumerable.Range(firstYear, year - firstYear + 1)
            .Select(y => RegionalTotal.Of(y, countries.Select(c => c.TrendOf(y)))).ToList();
        return new RegionalFigures(year, countries, RegionalTotal.Of(year, countries.Select(c => c.Values)), trend);
    }
}

/// <summary>A state's figures of the year (null: no data reported) and its trend, one entry per year, oldest first.</summary>
public sealed record RegionalCountryFigures(string Code, string Name, int? ReportedSince, long DataVersion, DateTimeOffset ComputedAt,
    bool FromSnapshot, SortedDictionary<string, double>? Values, IReadOnlyList<RegionalYear> Trend)
{
    public bool Reported => Values is not null;

    public SortedDictionary<string, double>? TrendOf(int year) => Trend.FirstOrDefault(t => t.Year == year)?.Values;

    public static RegionalCountryFigures Of(string code, string name, int year, StoredReport report, int? reportedSince)
    {
        bool ReportedBy(int y) => reportedSince is { } since && since <= y;
        var trend = (report.Document.Trend ?? []).Where(t => t.Year <= year)
            .Select(t => new RegionalYear(t.Year, ReportedBy(t.Year) ? PublishedFigures.Of(t.Values) : null)).ToList();
        return new RegionalCountryFigures(code, name, reportedSince, report.DataVersion, report.ComputedAt, report.FromStore,
            ReportedBy(year) ? PublishedFigures.Of(report.Document.Values) : null, trend);
    }
}

/// <summary>One year of a state's trend: released in the year, remaining at its end, devices; null: no data reported.</summary>
public sealed record RegionalYear(int Year, SortedDictionary<string, double>? Values);

/// <summary>The region's figures of a year: the sum over the states that reported (null when none did).</summary>
public sealed record RegionalTotal(int Year, int CountriesReporting, SortedDictionary<string, double>? Values)
{
    public static RegionalTotal Of(int year, IEnumerable<SortedDictionary<string, double>?> countries)
    {
        var reporting = countries.OfType<SortedDictionary<string, double>>().ToList();
        if (reporting.Count == 0)
        {
            return new RegionalTotal(year, 0, null);
        }

        var sums = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in reporting.SelectMany(v => v))
        {
            sums[name] = sums.GetValueOrDefault(name) + value;
        }

        foreach (var name in sums.Keys.ToList())
        {
            sums[name] = FigureNames.IsCount(name) ? Math.Round(sums[name]) : Math.Round(sums[name], 2);
        }

        return new RegionalTotal(year, reporting.Count, sums);
    }
}
