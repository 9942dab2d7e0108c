using System.Text.Json.Nodes;
using LandRelease.Data.Reports;
using ReportView = LandRelease.Web.Reports.ReportView;

namespace LandRelease.Api.Reports;

public sealed record ReportCountryName(string Code, string Name);

public sealed record ReportPeriodResponse(DateOnly From, DateOnly To);

/// <summary>
/// A country progress report as JSON. The main figures sit under plain paths: remaining.sha.count,
/// remaining.sha.areaSqm, released.clearedSqm, released.totalSqm, devices.destroyed.AP_MINE.
/// </summary>
public sealed record CountryReportResponse(
    ReportCountryName Country,
    ReportPeriodResponse Period,
    DateOnly? AsAt,
    long DataVersion,
    DateTimeOffset ComputedAt,
    bool FromSnapshot,
    string Access,
    JsonObject Remaining,
    JsonObject Released,
    JsonObject Devices,
    JsonObject Incidents,
    IReadOnlyList<TrendYearResponse> Trend,
    MapResponse? Map,
    IReadOnlyList<string> Notes)
{
    internal static CountryReportResponse From(StoredReport report, string countryName, ReportView view)
    {
        var values = FigureValues.Published(report.Document.Values);
        return new CountryReportResponse(
            new ReportCountryName(report.CountryCode, countryName),
            new ReportPeriodResponse(report.From, report.To),
            report.AsAt,
            report.DataVersion,
            report.ComputedAt,
            report.FromStore,
            view == ReportView.Full ? "full" : "aggregates",
            FigureValues.Nest(values, "remaining"),
            FigureValues.Nest(values, "released"),
            FigureValues.Nest(values, "devices"),
            FigureValues.Nest(values, "incidents"),
            [.. (report.Document.Trend ?? []).Select(TrendYearResponse.Of)],
            report.Document.Map is { } map ? MapResponse.From(map, view) : null,
            NotesFor(view));
    }

    internal static IReadOnlyList<string> NotesFor(ReportView view) =>
    [
        "Remaining land is counted as at the end of the period; released land by date of information, each square metre once, credited to the earliest approved decision.",
        "Remaining land is not broken down by first-level admin area: the register does not record admin areas yet.",
        "An area of several contamination types counts under each type; the by-contamination figures do not add up to the totals.",
        .. view == ReportView.Aggregates
            ? new[] { "Aggregates only: where land not yet released lies is shown to the country's own users." }
            : [],
    ];
}

public sealed record TrendYearResponse(int Year, DateOnly From, DateOnly To, JsonObject Released, JsonObject Remaining, JsonObject Devices)
{
    internal static TrendYearResponse Of(TrendYear year)
    {
        var values = FigureValues.Published(year.Values);
        return new TrendYearResponse(year.Year, year.From, year.To, FigureValues.Nest(values, "released"),
            FigureValues.Nest(values, "remaining"), FigureValues.Nest(values, "devices"));
    }
}

/// <summary>Land on a grid over the country's bounding box: [column, row, m²] per cell, row 0 in the south.</summary>
public sealed record MapResponse(double West, double South, double CellDegrees, int Columns, int Rows,
    IReadOnlyList<double[]>? Remaining, IReadOnlyList<double[]> Released)
{
    internal static MapResponse From(ReportMap map, ReportView view) => new(map.West, map.South, map.CellDegrees, map.Columns,
        map.Rows, view == ReportView.Full ? Round(map.Remaining) : null, Round(map.Released));

    private static double[][] Round(IReadOnlyList<double[]> cells) => [.. cells.Select(c => new[] { c[0], c[1], Math.Round(c[2], 2) })];
}
