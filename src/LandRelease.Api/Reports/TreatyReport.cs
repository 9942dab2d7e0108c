using System.Security.Claims;
using System.Text;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using static LandRelease.Api.Reports.ReportCharts;
using ReportView = LandRelease.Web.Reports.ReportView;

namespace LandRelease.Api.Reports;

/// <summary>What a convention's Article 7 tables are about: which contamination, which devices, how its forms are named.</summary>
internal sealed record Convention(string Kind, string Name, string Contamination, string AreasTitle, string ReleasedTitle,
    string DevicesTitle, string[] DeviceTypes);

/// <summary>
/// Article 7 transparency tables for a country and a calendar year, generated from approved data: the Anti-Personnel
/// Mine Ban Convention's mined areas, destruction programme and mines destroyed, and the Convention on Cluster
/// Munitions' contaminated areas and clearance. They list where contaminated land lies, so only the country's own
/// users may read them.
/// </summary>
internal static class TreatyReport
{
    public static readonly Convention ApmbcConvention = new(ReportKinds.Apmbc, "Anti-Personnel Mine Ban Convention, Article 7", "AP_MINE",
        "Form C: mined areas containing or suspected to contain anti-personnel mines",
        "Form F: status of the programme for the destruction of anti-personnel mines in mined areas (land released)",
        "Form G: anti-personnel mines destroyed", ["AP_MINE"]);

    public static readonly Convention CcmConvention = new(ReportKinds.Ccm, "Convention on Cluster Munitions, Article 7", "CLUSTER_MUNITION",
        "Article 7(1)(h): size and location of cluster munition contaminated areas",
        "Article 7(1)(i): status and progress of clearance (land released)",
        "Article 7(1)(i): submunitions destroyed", ["SUBMUNITION"]);

    public static Task<Results<Ok<TreatyResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Apmbc(
        string code, string? year, string? format, HttpContext http, ReportReader reports, LandReleaseDbContext db,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        GetAsync(ApmbcConvention, code, year, format, http, reports, db, user, clock, ct);

    public static Task<Results<Ok<TreatyResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Ccm(
        string code, string? year, string? format, HttpContext http, ReportReader reports, LandReleaseDbContext db,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        GetAsync(CcmConvention, code, year, format, http, reports, db, user, clock, ct);

    private static async Task<Results<Ok<TreatyResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        Convention convention, string code, string? year, string? format, HttpContext http, ReportReader reports,
        LandReleaseDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var (country, view, failure) = await ReportEndpoints.AccessAsync(code, db, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (view != ReportView.Full)
        {
            return Problems.Forbidden($"Treaty tables list where contaminated land lies; only users of {country!.Code} may read them.");
        }

        var errors = new Dictionary<string, string[]>();
        // Article 7 reports cover the calendar year before the one they are filed in.
        var (period, violations) = ReportPeriod.Read(year ?? (clock.Today().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, null, null, clock.Today(), errors);
        var chosen = ReportFormats.Choose(http.Request, format, errors);
        if (ReportFormats.Refusal<TreatyResponse>(errors, violations, chosen) is { } refusal)
        {
            return refusal;
        }

        var reportFormat = chosen!.Value;

        var stored = await reports.TreatyAsync(country!.Code, convention.Kind, convention.Contamination, period!.From.Year,
            clock.Today(), ct);
        var response = TreatyResponse.From(convention, stored, country);
        ReportEndpoints.Describe(http, stored);
        return reportFormat switch
        {
            ReportFormat.Csv => TypedResults.Content(Csv(convention, response), ReportFormats.Csv),
            ReportFormat.Html => ReportEndpoints.Html(http, Html(convention, response, stored)),
            _ => TypedResults.Ok(response),
        };
    }

    private static string Csv(Convention convention, TreatyResponse t)
    {
        var csv = new StringBuilder();
        ReportCsv.Row(csv, $"{convention.Name}: {t.Country.Name} ({t.Country.Code}), calendar year {t.Year}");
        csv.Append("\r\n");
        ReportCsv.Row(csv, convention.AreasTitle + $", at {t.Year}-12-31");
        ReportCsv.Row(csv, "local_id", "name", "classification", "contamination", "latitude", "longitude", "remaining_sqm", "date_of_information");
        foreach (var a in t.Areas)
        {
            ReportCsv.Row(csv, a.LocalId, a.Name, a.Classification, string.Join(' ', a.Contamination),
                a.Latitude.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture),
                a.Longitude.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture),
                FigureValues.Text(a.RemainingSqm, "x.areaSqm"), ReportCsv.Date(a.DateOfInformation));
        }

        csv.Append("\r\n");
        ReportCsv.Row(csv, convention.ReleasedTitle + $", {t.Year}");
        ReportCsv.Row(csv, "method", "area_sqm");
        foreach (var (method, sqm) in t.ReleasedByMethod)
        {
            ReportCsv.Row(csv, method, FigureValues.Text(sqm, "x.areaSqm"));
        }

        csv.Append("\r\n");
        ReportCsv.Row(csv, convention.DevicesTitle + $", {t.Year}");
        ReportCsv.Row(csv, "device_type", "destroyed");
        foreach (var (type, count) in t.DevicesDestroyed)
        {
            ReportCsv.Row(csv, type, FigureValues.Text(count, "x.count"));
        }

        return csv.ToString();
    }

    private static string Html(Convention convention, TreatyResponse t, StoredReport stored)
    {
        var html = new StringBuilder();
        html.Append($"<h1>{Encode(convention.Name)}: {Encode(t.Country.Name)}, {t.Year}</h1>\n");
        ReportHtml.Meta(html, stored, "full");
        html.Append($"<h2>{Encode(convention.AreasTitle)}</h2>\n<p class=\"meta\">At {t.Year}-12-31: {t.Areas.Count} areas, ")
            .Append($"{Number(t.AreasTotalSqm)} m² ({Number(t.AreasTotalSqm / 10_000)} ha). Location: a point on the area's surface, WGS 84.</p>\n")
            .Append("<table><tr><th>Area</th><th>Name</th><th>Class</th><th>Contamination</th><th class=\"num\">Latitude</th>")
            .Append("<th class=\"num\">Longitude</th><th class=\"num\">m² remaining</th></tr>\n");
        foreach (var a in t.Areas)
        {
            html.Append($"<tr><td>{Encode(a.LocalId)}</td><td>{Encode(a.Name)}</td><td>{Encode(a.Classification)}</td>")
                .Append($"<td>{Encode(string.Join(", ", a.Contamination))}</td><td class=\"num\">{a.Latitude:0.000000}</td>")
                .Append($"<td class=\"num\">{a.Longitude:0.000000}</td><td class=\"num\">{Number(a.RemainingSqm)}</td></tr>\n");
        }

        html.Append($"</table>\n<h2>{Encode(convention.ReleasedTitle)}</h2>\n<table><tr><th>Method</th><th class=\"num\">m²</th><th class=\"num\">ha</th></tr>\n");
        foreach (var (method, sqm) in t.ReleasedByMethod)
        {
            html.Append(method == "total" ? "<tr class=\"total\">" : "<tr>")
                .Append($"<td>{Encode(method)}</td><td class=\"num\">{Number(sqm)}</td><td class=\"num\">{Number(sqm / 10_000)}</td></tr>\n");
        }

        html.Append($"</table>\n<h2>{Encode(convention.DevicesTitle)}</h2>\n<table><tr><th>Type</th><th class=\"num\">Destroyed</th></tr>\n");
        foreach (var (type, count) in t.DevicesDestroyed)
        {
            html.Append($"<tr><td>{ReportHtml.Device(type)}</td><td class=\"num\">{Number(count)}</td></tr>\n");
        }

        html.Append("</table>\n");
        ReportHtml.Footer(html, stored);
        return ReportStyle.Page($"{convention.Name}: {t.Country.Name}, {t.Year}", html.ToString());
    }
}

/// <summary>A treaty table as JSON: the areas, land released by method from them, devices destroyed.</summary>
public sealed record TreatyResponse(ReportCountryName Country, int Year, string Convention, long DataVersion, DateTimeOffset ComputedAt,
    bool FromSnapshot, IReadOnlyList<TreatyArea> Areas, double AreasTotalSqm, IReadOnlyDictionary<string, double> ReleasedByMethod,
    IReadOnlyDictionary<string, double> DevicesDestroyed)
{
    internal static TreatyResponse From(Convention convention, StoredReport stored, ReportCountryName country)
    {
        var values = FigureValues.Published(stored.Document.Values);
        var prefix = $"released.byContamination.{convention.Contamination}.";
        var areas = stored.Document.Areas ?? [];
        return new TreatyResponse(country, stored.From.Year, convention.Kind, stored.DataVersion, stored.ComputedAt, stored.FromStore,
            [.. areas.Select(a => a with { RemainingSqm = Math.Round(a.RemainingSqm, 2) })],
            Math.Round(areas.Sum(a => a.RemainingSqm), 2),
            new Dictionary<string, double>
            {
                ["cancelled"] = values[prefix + "cancelledSqm"], ["reduced"] = values[prefix + "reducedSqm"],
                ["cleared"] = values[prefix + "clearedSqm"], ["total"] = values[prefix + "totalSqm"],
            },
            convention.DeviceTypes.ToDictionary(t => t, t => values[$"devices.destroyed.{t}"]));
    }
}
