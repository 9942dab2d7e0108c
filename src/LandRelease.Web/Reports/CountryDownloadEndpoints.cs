using System.Security.Claims;
using LandRelease.Data;
using LandRelease.Data.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Web.Reports;

/// <summary>The country page's downloads: the figures of the years it shows, for the same readers and with the same refusals as the page.</summary>
public static class CountryDownloadEndpoints
{
    public static IEndpointRouteBuilder MapCountryDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/countries/{code}/download.csv", Csv).RequireAuthorization(Policies.ReportReader).ExcludeFromDescription();
        routes.MapGet("/countries/{code}/download.xlsx", Xlsx).RequireAuthorization(Policies.ReportReader).ExcludeFromDescription();
        return routes;
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string code, string? from, string? to, ReportReader reports,
        LandReleaseDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        FileAsync(code, from, to, reports, db, user, clock, (f, _) => Task.FromResult(System.Text.Encoding.UTF8.GetBytes(CountryDownloads.Csv(f))),
            RegionalDownloads.CsvType, "csv", ct);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Xlsx(string code, string? from, string? to, ReportReader reports,
        LandReleaseDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        FileAsync(code, from, to, reports, db, user, clock, CountryDownloads.XlsxAsync, RegionalDownloads.XlsxType, "xlsx", ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(string code, string? from, string? to,
        ReportReader reports, LandReleaseDbContext db, ClaimsPrincipal user, TimeProvider clock, Func<CountryFigures, CancellationToken, Task<byte[]>> write,
        string contentType, string extension, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var wanted = code.Trim().ToUpperInvariant();
        var country = await db.Countries.AsNoTracking().Where(c => c.Code == wanted).Select(c => new { c.Code, c.Name }).FirstOrDefaultAsync(ct);
        var scope = UserScope.From(user);
        var (period, problem) = CountryPeriod.Read(from, to, today);
        var view = country is null ? null : ReportAccess.ViewOf(scope, country.Code);
        problem = country is null
            ? new PageProblem(404, "No such country", $"'{code}' is not a country this system serves: one of the ten ASEAN states by its ISO 3166 alpha-3 code, e.g. KHM.")
            : view is null
                ? new PageProblem(403, "Not your country", $"Your account reads the reports of {string.Join(", ", scope.Countries)} only, not {country.Name}'s.")
                : problem;
        if (problem is not null)
        {
            return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title);
        }

        var figures = await CountryFigures.LoadAsync(reports, country!.Code, country.Name, period!, today,
            withAdminAreas: view == ReportView.Full, ct);
        return TypedResults.File(await write(figures, ct), contentType, CountryDownloads.FileName(figures, extension));
    }
}
