using System.Security.Claims;
using System.Text;
using System.Text.Json;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>
/// GET /api/uploads/{id}/features: an upload's features with their outcome, as a file a GIS opens. A refused feature
/// comes back with its own attributes (names as the file wrote them), its outline in WGS 84 when it could be read as
/// one, and rule and message columns: fixed in QGIS and sent again, it lands. The whole selection, never a page.
/// </summary>
internal static class UploadFeatureDownloads
{
    private static readonly string[] Formats = ["geojson", "csv"];

    public static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Features(Guid id,
        string? outcome, string? format, LandReleaseDbContext db, ClaimsPrincipal principal, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        FeatureOutcome? wanted = null;
        if (outcome is not null)
        {
            if (WireName<FeatureOutcome>.TryParse(outcome, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["outcome"] = [$"outcome is one of {string.Join(", ", WireName<FeatureOutcome>.All)}."];
            }
        }

        var kind = (format ?? "geojson").ToLowerInvariant();
        if (!Formats.Contains(kind))
        {
            errors["format"] = [$"format is geojson or csv, not '{format}'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var upload = await UploadListEndpoint.Visible(db.Uploads.AsNoTracking(), UserScope.From(principal))
            .SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null)
        {
            return Problems.NotFound($"No upload has id {id}.");
        }

        var query = db.UploadFeatures.AsNoTracking().Where(f => f.UploadId == id);
        if (wanted is { } w)
        {
            query = query.Where(f => f.Outcome == w);
        }

        var ordered = query.OrderBy(f => f.Index);
        var stem = Path.GetFileNameWithoutExtension(upload.FileName ?? "upload");
        var suffix = wanted is { } o ? "-" + WireName<FeatureOutcome>.Of(o).ToLowerInvariant().Replace('_', '-') : "";
        // Streamed row by row from the database (a 100,000-feature upload is never held whole): the CSV's header
        // needs every attribute name first, so it reads the attributes alone once before the rows.
        return TypedResults.Stream(body => kind == "csv"
                ? FeatureCsv.WriteAsync(body, ordered.Select(f => f.Attributes).AsAsyncEnumerable(), ordered.AsAsyncEnumerable(), ct)
                : FeatureGeoJson.WriteAsync(body, ordered.AsAsyncEnumerable(), ct),
            kind == "csv" ? "text/csv; charset=utf-8" : "application/geo+json", $"{FileNames.Safe(stem)}{suffix}.{kind}");
    }

    /// <summary>The first rule broken and its message, or the first warning's for an accepted feature.</summary>
    public static (string? Rule, string? Message) FirstNote(UploadFeature feature)
    {
        foreach (var json in new[] { feature.Violations, feature.Warnings })
        {
            if (json is null)
            {
                continue;
            }

            using var document = JsonDocument.Parse(json);
            if (document.RootElement is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0)
            {
                var first = items[0];
                return (first.GetProperty("rule").GetString(), first.GetProperty("message").GetString());
            }
        }

        return (null, null);
    }

    /// <summary>The file's own attributes of a refused feature, in the order it wrote them.</summary>
    public static List<KeyValuePair<string, string?>> SourceAttributes(UploadFeature feature) => SourceAttributes(feature.Attributes);

    public static List<KeyValuePair<string, string?>> SourceAttributes(string? attributes) => attributes is null
        ? []
        : [.. JsonSerializer.Deserialize<string?[][]>(attributes)!.Select(pair => new KeyValuePair<string, string?>(pair[0]!, pair[1]))];
}

internal static class FileNames
{
    /// <summary>Letters, digits, '-', '_' and '.' only: a name safe in a Content-Disposition header and on any disk.</summary>
    public static string Safe(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return safe.Length == 0 ? "upload" : safe.ToString();
    }
}
