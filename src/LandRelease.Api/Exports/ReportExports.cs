using System.Globalization;
using System.Security.Claims;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports;
using LandRelease.Data;
using LandRelease.Data.Exports;
using LandRelease.Data.Reports;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Exports;

/// <summary>
/// The country progress report's figures as files: CSV exactly as GET /api/reports/countries/{code}?format=csv, and a
/// workbook of the same figures (one sheet of figure/value rows, one of the trend by year) with numbers as numbers.
/// Who may read it is the report's own rule.
/// </summary>
internal static class ReportExports
{
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Country(string code, string? year,
        string? from, string? to, string? asAt, string? format, ReportReader reports, LandReleaseDbContext db, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var (country, _, failure) = await ReportEndpoints.AccessAsync(code, db, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, string[]>();
        var chosen = ExportFormat.Read(format, ExportFormat.Reports, errors);
        var (period, violations) = ReportPeriod.Read(year, from, to, asAt, clock.Today(), errors);
        if (errors.Count > 0 || chosen is null || period is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (violations.Count > 0)
        {
            return Problems.Unprocessable(violations);
        }

        var stored = await reports.CountryAsync(country!.Code, period.From, period.To, period.AsAt, clock.Today(), ct);
        ReportEndpoints.Describe(http, stored);
        var name = $"landrelease-report-{country.Code}-{ReportCsv.Date(period.From)}-{ReportCsv.Date(period.To)}.{chosen.Extension}";
        var bytes = chosen == ExportFormat.Csv ? System.Text.Encoding.UTF8.GetBytes(ReportCsv.Country(stored, country.Name)) : await WorkbookAsync(stored, country.Name, ct);
        return TypedResults.File(bytes, chosen.MediaType, name);
    }

    private static async Task<byte[]> WorkbookAsync(StoredReport report, string countryName, CancellationToken ct)
    {
        List<object?[]> figures =
        [
            // A date first under the headings, so spreadsheet readers (GDAL's XLSX driver) take the first row as headings.
            ["report.from", report.From], ["report.to", report.To], ["report.asAt", report.AsAt],
            ["report.country", report.CountryCode], ["report.countryName", countryName], ["report.dataVersion", report.DataVersion],
            ["report.computedAt", report.ComputedAt.UtcDateTime],
            .. FigureValues.Published(report.Document.Values).Select(f => new object?[] { f.Key, Number(f.Key, f.Value) }),
        ];

        var years = report.Document.Trend ?? [];
        var names = years.SelectMany(y => FigureValues.Published(y.Values).Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var trend = years.Select(y =>
        {
            var published = FigureValues.Published(y.Values);
            object?[] line = [y.Year, .. names.Select(n => published.TryGetValue(n, out var v) ? (object?)Number(n, v) : null)];
            return line;
        });

        using var stream = new MemoryStream();
        await Workbook.WriteAsync(stream,
        [
            new WorkbookSheet("Figures", ["figure", "value"], figures.ToAsyncEnumerable()),
            new WorkbookSheet("Trend", ["year", .. names], trend.ToAsyncEnumerable()),
        ], ct);
        return stream.ToArray();
    }

    /// <summary>As published: counts whole, m² to the hundredth.</summary>
    private static double Number(string name, double value) =>
        double.Parse(FigureValues.Text(value, name), CultureInfo.InvariantCulture);
}
