using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Html;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ReportView = LandRelease.Web.Reports.ReportView;
using ReportAccess = LandRelease.Web.Reports.ReportAccess;

namespace LandRelease.Api.Reports;

/// <summary>Progress reports: by country, treaty tables, the regional comparison, and the pipeline's status.</summary>
internal static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/status", ReportStatus.Get).RequireAuthorization(Policies.ReportReader).Documented("Read the reporting pipeline's status");
        group.MapGet("/countries/{code}", Country).RequireAuthorization(Policies.ReportReader)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "text/html").Documented("Read a country's progress report", 403, 404, 406, 422);
        group.MapGet("/countries/{code}/treaty/apmbc", TreatyReport.Apmbc).RequireAuthorization(Policies.ReportReader)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "text/html").Documented("Read a country's APMBC Article 7 tables", 403, 404, 406, 422);
        group.MapGet("/countries/{code}/treaty/ccm", TreatyReport.Ccm).RequireAuthorization(Policies.ReportReader)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "text/html").Documented("Read a country's CCM Article 7 tables", 403, 404, 406, 422);
        group.MapGet("/regional", RegionalReport.Get).RequireAuthorization(Policies.RegionalReader)
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "text/html").Documented("Read the regional report", 406, 422);
        return routes;
    }

    /// <summary>
    /// GET /api/reports/countries/{code}?from=&amp;to=&amp;asAt= (or year=): the country progress report, as JSON, CSV or HTML.
    /// Users of the country see everything; regional viewers and administrators the figures without the map of
    /// remaining land; another country's users nothing.
    /// </summary>
    public static async Task<Results<Ok<CountryReportResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Country(
        string code, string? from, string? to, string? asAt, string? year, string? format, HttpContext http, ReportReader reports,
        LandReleaseDbContext db, Data.Countries.CountryOutlines outlines, HtmlDocuments documents, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken ct)
    {
        var (country, view, failure) = await AccessAsync(code, db, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, string[]>();
        var (period, violations) = ReportPeriod.Read(year, from, to, asAt, clock.Today(), errors);
        var chosen = ReportFormats.Choose(http.Request, format, errors);
        if (ReportFormats.Refusal<CountryReportResponse>(errors, violations, chosen) is { } refusal)
        {
            return refusal;
        }

        var reportFormat = chosen!.Value;

        var stored = await reports.CountryAsync(country!.Code, period!.From, period.To, period.AsAt, clock.Today(), ct);
        var response = CountryReportResponse.From(stored, country.Name, view!.Value);
        Describe(http, stored);
        return reportFormat switch
        {
            ReportFormat.Csv => TypedResults.Content(ReportCsv.Country(stored, country.Name, view == ReportView.Full), ReportFormats.Csv),
            ReportFormat.Html => Html(http, await documents.RenderAsync<CountryReportDocument>(new Dictionary<string, object?>
            {
                ["Report"] = response, ["Stored"] = stored,
                ["OutlinePath"] = response.Map is { } map ? await outlines.SvgPathAsync(country.Code, map.CellDegrees / 3, ct) : null,
            })),
            _ => TypedResults.Ok(response),
        };
    }

    /// <summary>The country, and how much of its reports the user may see: 404 when there is no such country, 403 when nothing.</summary>
    internal static async Task<(ReportCountryName? Country, ReportView? View, ProblemHttpResult? Failure)> AccessAsync(string code,
        LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var wanted = CountryCode.Normalise(code);
        var country = await db.Countries.AsNoTracking().Where(c => c.Code == wanted)
            .Select(c => new ReportCountryName(c.Code, c.Name)).FirstOrDefaultAsync(ct);
        if (country is null)
        {
            return (null, null, Problems.NotFound($"'{code}' is not a country this system serves (ISO 3166 alpha-3, e.g. KHM)."));
        }

        return ReportAccess.ViewOf(UserScope.From(user), country.Code) is { } view
            ? (country, view, null)
            : (null, null, Problems.OutOfReach(country.Code));
    }

    /// <summary>Says whether the answer was a stored snapshot and which data version it reflects.</summary>
    internal static void Describe(HttpContext http, StoredReport stored)
    {
        http.Response.Headers["X-Report-Snapshot"] = stored.FromStore ? "stored" : "computed";
        http.Response.Headers["X-Report-Data-Version"] = stored.DataVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "private, no-cache";
    }

    /// <summary>An HTML report, with the content security policy that admits exactly its stylesheet.</summary>
    internal static ContentHttpResult Html(HttpContext http, string page)
    {
        http.Response.Headers.ContentSecurityPolicy = ReportStyle.ContentSecurityPolicy;
        return TypedResults.Content(page, ReportFormats.Html);
    }
}
