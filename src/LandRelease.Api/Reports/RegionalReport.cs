using System.Globalization;
using System.Text;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Html;
using LandRelease.Data.Reports;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Reports;

/// <summary>
/// GET /api/reports/regional?year=: the ten ASEAN states side by side for a calendar year, aggregates only (no map,
/// no area list), under the country report's figure names. For regional viewers, national authorities and
/// administrators; not public yet: publishing is each national authority's decision, and nothing here records it.
/// </summary>
internal static class RegionalReport
{
    public static async Task<Results<Ok<RegionalResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string? year, string? format, HttpContext http, RegionalReader regional, HtmlDocuments documents, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (period, violations) = ReportPeriod.Read(year ?? clock.Today().Year.ToString(CultureInfo.InvariantCulture), null, null,
            null, clock.Today(), errors);
        var chosen = ReportFormats.Choose(http.Request, format, errors);
        if (ReportFormats.Refusal<RegionalResponse>(errors, violations, chosen) is { } refusal)
        {
            return refusal;
        }

        var figures = await regional.YearAsync(period!.From.Year, clock.Today(), ct);
        http.Response.Headers.CacheControl = "private, no-cache";
        return chosen!.Value switch
        {
            ReportFormat.Csv => TypedResults.Content(Csv(figures), ReportFormats.Csv),
            ReportFormat.Html => ReportEndpoints.Html(http,
                await documents.RenderAsync<RegionalReportDocument>(new Dictionary<string, object?> { ["Figures"] = figures })),
            _ => TypedResults.Ok(RegionalResponse.From(figures)),
        };
    }

    internal static readonly string[] CsvFigures =
    [
        "remaining.sha.count", "remaining.sha.areaSqm", "remaining.cha.count", "remaining.cha.areaSqm",
        "released.cancelledSqm", "released.reducedSqm", "released.clearedSqm", "released.totalSqm",
        .. FigureNames.DeviceTypes.Select(t => $"devices.found.{t}"), .. FigureNames.DeviceTypes.Select(t => $"devices.destroyed.{t}"),
        "incidents.count",
    ];

    /// <summary>A row per state in the page's order, then the ASEAN total; a state without data has empty figure cells.</summary>
    internal static string Csv(RegionalFigures r)
    {
        var csv = new StringBuilder();
        var year = r.Year.ToString(CultureInfo.InvariantCulture);
        ReportCsv.Row(csv, ["year", "code", "name", "reported", "dataVersion", .. CsvFigures]);
        foreach (var c in r.Countries)
        {
            ReportCsv.Row(csv, [year, c.Code, c.Name, c.Reported ? "true" : "false", c.DataVersion.ToString(CultureInfo.InvariantCulture),
                .. Cells(c.Values)]);
        }

        ReportCsv.Row(csv, [year, "ASEAN", $"ASEAN total ({r.Total.CountriesReporting} of {r.Countries.Count} states reporting)",
            r.Total.Values is null ? "false" : "true", "", .. Cells(r.Total.Values)]);
        return csv.ToString();
    }

    private static IEnumerable<string> Cells(SortedDictionary<string, double>? values) =>
        CsvFigures.Select(f => values is null ? "" : FigureValues.Text(values.GetValueOrDefault(f), f));
}
