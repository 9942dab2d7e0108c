using System.Text.Json;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>An upload as its sender follows it: state, progress, counts and one page of its feature outcomes.</summary>
public sealed record UploadStatusResponse(
    Guid Id,
    string State,
    string Kind,
    string Country,
    string Organisation,
    string? FileName,
    string? Format,
    string? Crs,
    bool Atomic,
    UploadProgressResponse Progress,
    int Accepted,
    int Rejected,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? FinishedAt,
    JsonElement? Problem,
    IReadOnlyList<UploadFeatureResponse> Features,
    string? Next);

/// <param name="Done">Features read and checked so far.</param>
/// <param name="Total">All features of the file; known once it has been read to the end.</param>
public sealed record UploadProgressResponse(int Done, int? Total);

/// <param name="Feature">The feature's number in the file, from 1 (<paramref name="Index"/> + 1), as a GIS attribute table counts.</param>
/// <param name="Line">The file's line the feature starts on (CSV).</param>
/// <param name="Rule">The first rule broken, when rejected (all of them are in <paramref name="Violations"/>).</param>
public sealed record UploadFeatureResponse(
    int Index,
    int Feature,
    int? Line,
    string? LocalId,
    string? Name,
    string Outcome,
    string? Action,
    Guid? Id,
    string? Rule,
    string? Message,
    JsonElement? Violations,
    JsonElement? Warnings);

internal static class UploadStatus
{
    public const int MaxPage = 1000;

    /// <param name="flagged">Only the features rejected or carrying a warning (the POST reply: what needs a look).</param>
    public static async Task<(UploadStatusResponse? Status, string? CountryCode)> ReadAsync(LandReleaseDbContext db, Guid id,
        FeatureOutcome? outcome, int after, int limit, CancellationToken ct, bool flagged = false)
    {
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null)
        {
            return (null, null);
        }

        var query = db.UploadFeatures.AsNoTracking().Where(f => f.UploadId == id && f.Index > after);
        if (outcome is { } wanted)
        {
            query = query.Where(f => f.Outcome == wanted);
        }

        if (flagged)
        {
            query = query.Where(f => f.Outcome == FeatureOutcome.Rejected || f.Warnings != null);
        }

        var rows = await query.OrderBy(f => f.Index).Take(limit + 1)
            .Select(f => new FeatureRow(f.Index, f.Line, f.LocalId, f.Name, f.Outcome, f.Action, f.RecordId, f.Violations, f.Warnings))
            .ToListAsync(ct);
        var features = rows.Take(limit).Select(ToResponse).ToList();
        var next = rows.Count > limit
            ? $"/api/uploads/{id}?after={features[^1].Index}&limit={limit}" +
              (outcome is { } o ? $"&outcome={WireName<FeatureOutcome>.Of(o)}" : "") + (flagged ? "&flagged=true" : "")
            : null;

        var finished = upload.State is UploadState.Done or UploadState.Failed;
        var (accepted, rejected) = (upload.Accepted, upload.Rejected);
        if (upload.State == UploadState.Processing)
        {
            // Merged in parts, each part's outcome rows land with it: count what has landed (the totals are written
            // only when the last part is in, and a crash between parts would otherwise read as nothing accepted).
            var landed = await db.UploadFeatures.AsNoTracking().Where(f => f.UploadId == id)
                .GroupBy(f => f.Outcome).Select(g => new { Outcome = g.Key, Count = g.Count() }).ToListAsync(ct);
            accepted = landed.Where(l => l.Outcome == FeatureOutcome.Accepted).Sum(l => l.Count);
            rejected = landed.Where(l => l.Outcome == FeatureOutcome.Rejected).Sum(l => l.Count);
        }

        return (new UploadStatusResponse(upload.Id, WireName<UploadState>.Of(upload.State), UploadParameters.KindName(upload.Kind),
            upload.CountryCode, upload.OrganisationCode, upload.FileName, upload.Format, upload.Crs, upload.Atomic,
            new UploadProgressResponse(upload.Processed, finished || upload.State == UploadState.Queued ? upload.Total : null),
            accepted, rejected, upload.CreatedAt, upload.CreatedBy, upload.FinishedAt, Json(upload.Problem), features, next),
            upload.CountryCode);
    }

    /// <summary>A line of the outcomes without the refused feature's outline and attributes, which the downloads carry.</summary>
    private sealed record FeatureRow(int Index, int? Line, string? LocalId, string? Name, FeatureOutcome Outcome, FeatureAction? Action,
        Guid? RecordId, string? Violations, string? Warnings);

    private static UploadFeatureResponse ToResponse(FeatureRow f)
    {
        var violations = Json(f.Violations);
        var first = violations is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array[0] : (JsonElement?)null;
        return new UploadFeatureResponse(f.Index, f.Index + 1, f.Line, f.LocalId, f.Name, WireName<FeatureOutcome>.Of(f.Outcome),
            f.Action is { } action ? WireName<FeatureAction>.Of(action) : null, f.RecordId,
            first?.GetProperty("rule").GetString(), first?.GetProperty("message").GetString(), violations, Json(f.Warnings));
    }

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
