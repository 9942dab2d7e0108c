using LandRelease.Api.Infrastructure;
using LandRelease.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Reports;

internal enum ReportFormat
{
    Json,
    Csv,
    Html,
}

/// <summary>The format of a report: <c>format=</c> when given, else the Accept header (a browser asks for HTML), else JSON.</summary>
internal static class ReportFormats
{
    public const string Csv = "text/csv; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";

    private static readonly Dictionary<string, ReportFormat> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormat.Json, ["csv"] = ReportFormat.Csv, ["html"] = ReportFormat.Html,
    };

    private static readonly Dictionary<string, ReportFormat> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/json"] = ReportFormat.Json, ["text/csv"] = ReportFormat.Csv, ["text/html"] = ReportFormat.Html,
        ["application/*"] = ReportFormat.Json, ["text/*"] = ReportFormat.Html, ["*/*"] = ReportFormat.Json,
    };

    /// <summary>
    /// The format asked for. An unknown format= value fills <paramref name="errors"/> (400); an Accept header naming
    /// nothing offered gives null with no error (406).
    /// </summary>
    public static ReportFormat? Choose(HttpRequest request, string? format, Dictionary<string, string[]> errors)
    {
        if (format is not null)
        {
            if (Named.TryGetValue(format.Trim(), out var named))
            {
                return named;
            }

            errors["format"] = [$"'{format}' is not a report format; use json, csv or html."];
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Headers.Accept.ToString())
            || !MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
        {
            return ReportFormat.Json;
        }

        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            if (MediaTypes.TryGetValue(range.MediaType.Value ?? "", out var chosen))
            {
                return chosen;
            }
        }

        return null;
    }

    /// <summary>
    /// The answer to a report request that cannot be served, in one order for every report: unreadable values (400),
    /// then a period that makes no sense (422), then an Accept header naming nothing offered (406). Null to go on.
    /// </summary>
    public static Results<Ok<T>, ContentHttpResult, ValidationProblem, ProblemHttpResult>? Refusal<T>(
        Dictionary<string, string[]> errors, IReadOnlyList<RuleViolation> violations, ReportFormat? chosen)
    {
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (violations.Count > 0)
        {
            return Problems.Unprocessable(violations);
        }

        if (chosen is null)
        {
            return NotAcceptable();
        }

        return null;
    }

    public static ProblemHttpResult NotAcceptable() => TypedResults.Problem(title: "Not acceptable",
        statusCode: StatusCodes.Status406NotAcceptable,
        detail: "Reports come as application/json, text/csv or text/html (or say format=json|csv|html).");
}
