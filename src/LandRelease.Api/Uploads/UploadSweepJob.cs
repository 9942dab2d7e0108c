using LandRelease.Data;
using LandRelease.Data.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Finishes what a crash interrupted: an upload staged but never merged (the process died between its commit and
/// the enqueue, or the job gave up) is merged, and so is one whose merge began but no merger holds any more (a database
/// restart or a killed worker cut it); one whose request died while streaming is marked FAILED (its staging rolled
/// back with the request, so nothing of it was stored).
/// </summary>
public sealed class UploadSweepJob(LandReleaseDbContext db, UploadRows rows, UploadMerger merger, NpgsqlDataSource dataSource,
    IOptions<UploadOptions> options, ILogger<UploadSweepJob> logger)
{
    /// <summary>A request past its deadline has ended by then, whatever its node was doing.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var abandonedBefore = DateTimeOffset.UtcNow - settings.ReceiveTimeout - Grace;
        var abandoned = await rows.FailAbandonedAsync(abandonedBefore, ct);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} uploads abandoned while streaming were marked FAILED", abandoned);
        }

        foreach (var uploadId in await UploadMergeLock.UnheldProcessingAsync(dataSource, ct))
        {
            logger.LogWarning("Upload {UploadId} was being merged but no merger holds it; resuming its merge", uploadId);
            await merger.MergeAsync(uploadId, ct);
        }

        await MergeStagedAsync(DateTimeOffset.UtcNow - settings.StalledMergeAfter, ct);
    }

    /// <summary>
    /// At start-up: every upload staged but not merged, however recent, since a crash of this node may have cut its
    /// merge short. A merge at work on another node holds the upload's lock and is left to it.
    /// </summary>
    public Task ResumeAsync(CancellationToken ct) => MergeStagedAsync(DateTimeOffset.MaxValue, ct);

    private async Task MergeStagedAsync(DateTimeOffset createdBefore, CancellationToken ct)
    {
        var stalled = await db.Uploads.AsNoTracking()
            .Where(u => (u.State == Domain.Uploads.UploadState.Queued || u.State == Domain.Uploads.UploadState.Processing)
                        && u.CreatedAt < createdBefore)
            .OrderBy(u => u.CreatedAt).Select(u => u.Id).Take(100).ToListAsync(ct);
        foreach (var uploadId in stalled)
        {
            logger.LogWarning("Upload {UploadId} was staged but not merged; merging it now", uploadId);
            await merger.MergeAsync(uploadId, ct);
        }
    }
}
