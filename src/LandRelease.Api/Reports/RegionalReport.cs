using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static LandRelease.Api.Reports.ReportCharts;

namespace LandRelease.Api.Reports;

/// <summary>
/// GET /api/reports/regional?year=: the ten ASEAN states side by side for a calendar year, aggregates only (no map,
/// no area list), under the country report's figure names. For regional viewers, national authorities and
/// administrators; not public yet: publishing is each national authority's decision, and nothing here records it.
/// </summary>
internal static class RegionalReport
{
    public static async Task<Results<Ok<RegionalResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string? year, string? format, HttpContext http, ReportReader reports, LandReleaseDbContext db, TimeProvider clock,
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

        var reportFormat = chosen!.Value;

        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Code).Select(c => new ReportCountryName(c.Code, c.Name)).ToListAsync(ct);
        var rows = new List<(ReportCountryName Country, StoredReport Report)>();
        foreach (var country in countries)
        {
            rows.Add((country, await reports.CountryAsync(country.Code, period!.From, period.To, null, clock.Today(), ct)));
        }

        var response = RegionalResponse.From(period!.From.Year, rows);
        http.Response.Headers.CacheControl = "private, no-cache";
        return reportFormat switch
        {
            ReportFormat.Csv => TypedResults.Content(Csv(response), ReportFormats.Csv),
            ReportFormat.Html => ReportEndpoints.Html(http, Html(response)),
            _ => TypedResults.Ok(response),
        };
    }

    private static readonly string[] CsvFigures =
    [
        "remaining.sha.count", "remaining.sha.areaSqm", "remaining.cha.count", "remaining.cha.areaSqm",
        "released.cancelledSqm", "released.reducedSqm", "released.clearedSqm", "released.totalSqm",
        .. FigureNames.DeviceTypes.Select(t => $"devices.found.{t}"), .. FigureNames.DeviceTypes.Select(t => $"devices.destroyed.{t}"),
        "incidents.count",
    ];

    private static string Csv(RegionalResponse r)
    {
        var csv = new StringBuilder();
        ReportCsv.Row(csv, ["year", "code", "name", "dataVersion", .. CsvFigures]);
        foreach (var c in r.Countries)
        {
            ReportCsv.Row(csv, [r.Year.ToString(CultureInfo.InvariantCulture), c.Code, c.Name, c.DataVersion.ToString(CultureInfo.InvariantCulture),
                .. CsvFigures.Select(f => FigureValues.Text(c.Values[f], f))]);
        }

        return csv.ToString();
    }

    private static string Html(RegionalResponse r)
    {
        var html = new StringBuilder();
        html.Append($"<h1>Land release in ASEAN, {r.Year}</h1>\n<p class=\"meta\">Aggregates of approved data, everything recorded; ")
            .Append("remaining at the end of the year, released by date of information in the year.</p>\n")
            .Append("<table><tr><th>Country</th><th class=\"num\">SHA</th><th class=\"num\">CHA</th><th class=\"num\">Remaining ha</th>")
            .Append("<th class=\"num\">Cancelled ha</th><th class=\"num\">Reduced ha</th><th class=\"num\">Cleared ha</th>")
            .Append("<th class=\"num\">Released ha</th><th class=\"num\">Devices destroyed</th></tr>\n");
        foreach (var c in r.Countries)
        {
            var v = c.Values;
            html.Append($"<tr><td>{Encode(c.Name)}</td><td class=\"num\">{Number(v["remaining.sha.count"])}</td>")
                .Append($"<td class=\"num\">{Number(v["remaining.cha.count"])}</td>")
                .Append($"<td class=\"num\">{Number((v["remaining.sha.areaSqm"] + v["remaining.cha.areaSqm"]) / 10_000)}</td>")
                .Append($"<td class=\"num\">{Number(v["released.cancelledSqm"] / 10_000)}</td><td class=\"num\">{Number(v["released.reducedSqm"] / 10_000)}</td>")
                .Append($"<td class=\"num\">{Number(v["released.clearedSqm"] / 10_000)}</td><td class=\"num\">{Number(v["released.totalSqm"] / 10_000)}</td>")
                .Append($"<td class=\"num\">{Number(FigureNames.DeviceTypes.Sum(t => v[$"devices.destroyed.{t}"]))}</td></tr>\n");
        }

        string[] codes = [.. r.Countries.Select(c => c.Code)];
        html.Append("</table>\n<h2>Released in the year</h2>\n")
            .Append(StackedBars("Released by method", codes,
            [
                new("cancelled", "cancelled", [.. r.Countries.Select(c => c.Values["released.cancelledSqm"] / 10_000)]),
                new("reduced", "reduced", [.. r.Countries.Select(c => c.Values["released.reducedSqm"] / 10_000)]),
                new("cleared", "cleared", [.. r.Countries.Select(c => c.Values["released.clearedSqm"] / 10_000)]),
            ], "ha"))
            .Append("<h2>Remaining at the end of the year</h2>\n")
            .Append(StackedBars("Remaining", codes,
            [
                new("SHA", "sha", [.. r.Countries.Select(c => c.Values["remaining.sha.areaSqm"] / 10_000)]),
                new("CHA", "cha", [.. r.Countries.Select(c => c.Values["remaining.cha.areaSqm"] / 10_000)]),
            ], "ha"))
            .Append("<footer>Produced by LandRelease from approved data only; each square metre counted once. Aggregates only.</footer>\n");
        return ReportStyle.Page($"Land release in ASEAN, {r.Year}", html.ToString());
    }
}

/// <summary>The regional report as JSON: a countries array, each with its code and the country report's figure names.</summary>
public sealed record RegionalResponse(int Year, IReadOnlyList<RegionalCountry> Countries)
{
    internal static RegionalResponse From(int year, IEnumerable<(ReportCountryName Country, StoredReport Report)> rows) =>
        new(year, [.. rows.Select(r => RegionalCountry.From(r.Country, r.Report))]);
}

public sealed record RegionalCountry(string Code, string Name, long DataVersion, DateTimeOffset ComputedAt, bool FromSnapshot,
    JsonObject Remaining, JsonObject Released, JsonObject Devices, JsonObject Incidents)
{
    [System.Text.Json.Serialization.JsonIgnore]
    internal SortedDictionary<string, double> Values { get; private init; } = new(StringComparer.Ordinal);

    internal static RegionalCountry From(ReportCountryName country, StoredReport report)
    {
        var values = FigureValues.Published(report.Document.Values);
        return new RegionalCountry(country.Code, country.Name, report.DataVersion, report.ComputedAt, report.FromStore,
            FigureValues.Nest(values, "remaining"), FigureValues.Nest(values, "released"), FigureValues.Nest(values, "devices"),
            FigureValues.Nest(values, "incidents")) { Values = values };
    }
}
