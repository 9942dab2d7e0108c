using System.Security.Claims;
using Hangfire;
using LandRelease.Api.Access;
using LandRelease.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Reports;

/// <summary>
/// GET /api/reports/status: per country the data version its figures reflect, outbox rows waiting, the last refresh
/// and nightly rebuild with the differences it found and the last failure; the job queue as Hangfire sees it.
/// Failure messages are for administrators only.
/// </summary>
internal static class ReportStatus
{
    public static async Task<Ok<ReportStatusResponse>> Get(LandReleaseDbContext db, JobStorage jobs, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var scope = UserScope.From(user);
        var admin = scope.Is(Roles.Admin);
        // Regional viewers and administrators watch every country; anyone else the countries of their token.
        var all = admin || scope.Is(Roles.RegionalViewer);
        var visible = scope.Countries.ToList();
        var pending = await db.ReportDirty.AsNoTracking().Where(d => all || visible.Contains(d.CountryCode)).GroupBy(d => d.CountryCode)
            .Select(g => new { Country = g.Key, Rows = g.Count(), Oldest = g.Min(d => d.RecordedAt) }).ToListAsync(ct);
        var states = await db.ReportCountries.AsNoTracking().Where(c => all || visible.Contains(c.CountryCode))
            .ToDictionaryAsync(c => c.CountryCode, ct);
        var codes = await db.Countries.AsNoTracking().Where(c => all || visible.Contains(c.Code)).OrderBy(c => c.Code)
            .Select(c => c.Code).ToListAsync(ct);
        var countries = codes.Select(code =>
        {
            var state = states.GetValueOrDefault(code);
            var waiting = pending.FirstOrDefault(p => p.Country == code);
            return new CountryStatus(code, state?.DataVersion, waiting?.Rows ?? 0, waiting?.Oldest, state?.RefreshedAt, state?.RefreshMs,
                state?.RebuiltAt, state?.RebuildMs, state?.RebuildDifferences, state?.FailedAt, admin ? state?.Failure : null);
        }).ToList();

        var differences = await db.ReportDifferences.AsNoTracking().Where(d => all || visible.Contains(d.CountryCode))
            .OrderByDescending(d => d.Id).Take(100)
            .Select(d => new DifferenceStatus(d.CountryCode, d.Year, d.Figure, d.Incremental, d.Rebuilt, d.FoundAt)).ToListAsync(ct);

        var monitor = jobs.GetMonitoringApi();
        var statistics = monitor.GetStatistics();
        var queue = new QueueStatus(statistics.Enqueued, statistics.Processing, statistics.Scheduled, statistics.Failed,
            statistics.Servers, statistics.Recurring);
        return TypedResults.Ok(new ReportStatusResponse(countries, queue, differences));
    }
}

public sealed record ReportStatusResponse(IReadOnlyList<CountryStatus> Countries, QueueStatus Queue,
    IReadOnlyList<DifferenceStatus> Differences);

public sealed record CountryStatus(string Code, long? DataVersion, int PendingRows, DateTimeOffset? OldestPendingAt,
    DateTimeOffset? RefreshedAt, int? RefreshMs, DateTimeOffset? RebuiltAt, int? RebuildMs, int? RebuildDifferences,
    DateTimeOffset? FailedAt, string? Failure);

public sealed record QueueStatus(long Enqueued, long Processing, long Scheduled, long Failed, long Servers, long Recurring);

public sealed record DifferenceStatus(string CountryCode, int Year, string Figure, double? Incremental, double? Rebuilt,
    DateTimeOffset FoundAt);
