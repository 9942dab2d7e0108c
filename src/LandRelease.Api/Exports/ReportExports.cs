using System.Globalization;
using System.Security.Claims;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Domain.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
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
        var bytes = chosen == ExportFormat.Csv ? System.Text.Encoding.UTF8.GetBytes(ReportCsv.Country(stored, country.Name)) : Workbook(stored, country.Name);
        return TypedResults.File(bytes, chosen.MediaType, name);
    }

    private static byte[] Workbook(StoredReport report, string countryName)
    {
        var figures = new List<Dictionary<string, object?>>
        {
            Row("report.country", report.CountryCode), Row("report.countryName", countryName),
            Row("report.from", report.From.ToDateTime(TimeOnly.MinValue)), Row("report.to", report.To.ToDateTime(TimeOnly.MinValue)),
            Row("report.asAt", report.AsAt?.ToDateTime(TimeOnly.MinValue)),
            Row("report.dataVersion", report.DataVersion), Row("report.computedAt", report.ComputedAt.UtcDateTime),
        };
        figures.AddRange(FigureValues.Published(report.Document.Values).Select(f => Row(f.Key, Number(f.Key, f.Value))));

        var trend = (report.Document.Trend ?? []).Select(y =>
        {
            var line = new Dictionary<string, object?> { ["year"] = y.Year };
            foreach (var (name, value) in FigureValues.Published(y.Values))
            {
                line[name] = Number(name, value);
            }

            return line;
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["Figures"] = figures, ["Trend"] = trend });
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(string figure, object? value) => new() { ["figure"] = figure, ["value"] = value };

    /// <summary>As published: counts whole, m² to the hundredth.</summary>
    private static double Number(string name, double value) =>
        double.Parse(FigureValues.Text(value, name), CultureInfo.InvariantCulture);
}
