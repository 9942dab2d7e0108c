using LandRelease.Data.Reports;

namespace LandRelease.Web.Reports;

/// <summary>A row of the dashboard's table: a state, or the ASEAN total; null figures are "no data reported".</summary>
public sealed record RegionalRow(string Code, string Name, bool IsTotal, IReadOnlyDictionary<string, double>? Values)
{
    public bool Reported => Values is not null;
}

/// <summary>
/// The dashboard's table as shown, and as downloaded: the same rows in the same order, the same columns. The page writes
/// m² whole; the downloads carry them to the hundredth, as published.
/// </summary>
public static class RegionalTable
{
    public sealed record Column(string Heading, string Figure, Func<IReadOnlyDictionary<string, double>, double> Read, bool IsArea);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("SHA remaining (m²)", "remaining.sha.areaSqm", v => v["remaining.sha.areaSqm"], true),
        new("CHA remaining (m²)", "remaining.cha.areaSqm", v => v["remaining.cha.areaSqm"], true),
        new("Cancelled (m²)", "released.cancelledSqm", v => v["released.cancelledSqm"], true),
        new("Reduced (m²)", "released.reducedSqm", v => v["released.reducedSqm"], true),
        new("Cleared (m²)", "released.clearedSqm", v => v["released.clearedSqm"], true),
        new("Released (m²)", "released.totalSqm", v => v["released.totalSqm"], true),
        new("Devices destroyed", "devices.destroyed", Figures.Destroyed, false),
    ];

    public static IReadOnlyList<RegionalRow> Rows(RegionalFigures figures) =>
    [
        .. figures.Countries.Select(c => new RegionalRow(c.Code, c.Name, false, c.Values)),
        new("ASEAN", "ASEAN total", true, figures.Total.Values),
    ];
}
