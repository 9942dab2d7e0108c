using System.Text.Json;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>An upload as its sender follows it: state, progress, counts and one page of its per-feature report.</summary>
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

/// <param name="Rule">The first rule broken, when rejected (all of them are in <paramref name="Violations"/>).</param>
public sealed record UploadFeatureResponse(
    int Index,
    string? LocalId,
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

    public static async Task<(UploadStatusResponse? Status, string? CountryCode)> ReadAsync(LandReleaseDbContext db, Guid id,
        FeatureOutcome? outcome, int after, int limit, CancellationToken ct)
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

        var rows = await query.OrderBy(f => f.Index).Take(limit + 1).ToListAsync(ct);
        var features = rows.Take(limit).Select(ToResponse).ToList();
        var next = rows.Count > limit
            ? $"/api/uploads/{id}?after={features[^1].Index}&limit={limit}" +
              (outcome is { } o ? $"&outcome={WireName<FeatureOutcome>.Of(o)}" : "")
            : null;

        var finished = upload.State is UploadState.Done or UploadState.Failed;
        var (accepted, rejected) = (upload.Accepted, upload.Rejected);
        if (upload.State == UploadState.Processing)
        {
            // Merged in parts, each part's report lines land with it: count what has landed (the totals are written
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

    private static UploadFeatureResponse ToResponse(UploadFeature f)
    {
        var violations = Json(f.Violations);
        var first = violations is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array[0] : (JsonElement?)null;
        return new UploadFeatureResponse(f.Index, f.LocalId, WireName<FeatureOutcome>.Of(f.Outcome),
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
