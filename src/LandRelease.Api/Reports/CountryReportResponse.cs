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
    IReadOnlyList<AdminAreaResponse> ByAdminArea,
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
            // Regional viewers keep the country's totals: where in the country land remains is for its own users.
            view == ReportView.Full ? [.. PublishedAdminAreas.Of(report.Document.AdminAreas, values).Select(AdminAreaResponse.Of)] : [],
            NotesFor(view));
    }

    internal static IReadOnlyList<string> NotesFor(ReportView view) =>
    [
        "Remaining land is counted as at the end of the period; released land by date of information, each square metre once, credited to the earliest approved decision.",
        "byAdminArea places remaining and released land in the administrative areas the national authority loaded (today's boundaries), " +
        "splitting land that crosses a boundary by geodesic intersection; each level's rows, with its row for land outside every area " +
        "(code null), add up to the country's figures. An area counts in remainingAreas of every administrative area holding more than 1 m² of it.",
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

/// <summary>One administrative area's figures in a country report; a null code is the land outside every area of the level.</summary>
public sealed record AdminAreaResponse(string? Code, string Name, int Level, string? ParentCode, long? RemainingAreas,
    double RemainingShaSqm, double RemainingChaSqm, double RemainingSqm, double ReleasedCancelledSqm, double ReleasedReducedSqm,
    double ReleasedClearedSqm, double ReleasedSqm)
{
    internal static AdminAreaResponse Of(AdminAreaFigures row) => new(row.Code, row.Name, row.Level, row.ParentCode,
        row.Values.TryGetValue("remaining.count", out var count) ? (long)count : null,
        row.Values["remaining.sha.areaSqm"], row.Values["remaining.cha.areaSqm"], row.Values["remaining.areaSqm"],
        row.Values["released.cancelledSqm"], row.Values["released.reducedSqm"], row.Values["released.clearedSqm"],
        row.Values[FigureNames.ReleasedTotal]);
}
