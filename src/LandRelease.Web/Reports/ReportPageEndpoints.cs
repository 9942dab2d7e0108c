using LandRelease.Data.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LandRelease.Web.Reports;

/// <summary>The regional dashboard's downloads: its table (and trend) as CSV and XLSX, for the same readers as the page.</summary>
public static class ReportPageEndpoints
{
    public static IEndpointRouteBuilder MapReportPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/regional/download.csv", Csv).RequireAuthorization(Policies.RegionalReader).ExcludeFromDescription();
        routes.MapGet("/regional/download.xlsx", Xlsx).RequireAuthorization(Policies.RegionalReader).ExcludeFromDescription();
        return routes.MapCountryDownloads();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string? year, RegionalReader regional,
        TimeProvider clock, CancellationToken ct) =>
        await FileAsync(year, regional, clock, (f, _) => Task.FromResult(System.Text.Encoding.UTF8.GetBytes(RegionalDownloads.Csv(f))),
            RegionalDownloads.CsvType, "csv", ct);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Xlsx(string? year, RegionalReader regional,
        TimeProvider clock, CancellationToken ct) =>
        await FileAsync(year, regional, clock, RegionalDownloads.XlsxAsync, RegionalDownloads.XlsxType, "xlsx", ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(string? year, RegionalReader regional,
        TimeProvider clock, Func<RegionalFigures, CancellationToken, Task<byte[]>> write, string contentType, string extension, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (ReportYears.Read(year, today) is not { } wanted)
        {
            var problem = ReportYears.Problem(year, today);
            return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title);
        }

        var figures = await regional.YearAsync(wanted, today, ct);
        return TypedResults.File(await write(figures, ct), contentType, RegionalDownloads.FileName(wanted, extension));
    }
}
