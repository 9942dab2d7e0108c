using LandRelease.Data;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Finishes what a crash interrupted: an upload staged but never merged (the process died between its commit and
/// the enqueue, or the job gave up) is merged; one whose request died while streaming is marked FAILED (its staging
/// rolled back with the request, so nothing of it was stored).
/// </summary>
public sealed class UploadSweepJob(LandReleaseDbContext db, UploadMerger merger, ILogger<UploadSweepJob> logger)
{
    public const string Id = "upload-sweep";
    public const string Schedule = "*/5 * * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var abandoned = await db.Database.ExecuteSqlRawAsync("""
            UPDATE uploads SET state = 'FAILED', problem_status = 400, finished_at = clock_timestamp(),
                problem = jsonb_build_object('type', 'https://landrelease.org/problems/upload-abandoned', 'status', 400,
                    'code', 'upload-abandoned', 'title', 'The upload did not arrive',
                    'detail', 'The file stopped arriving before its end; nothing of it was stored. Send it again.')
            WHERE state = 'RECEIVING' AND created_at < now() - interval '6 hours'
            """, ct);
        if (abandoned > 0)
        {
            logger.LogWarning("{Count} uploads abandoned while streaming were marked FAILED", abandoned);
        }

        var stalled = await db.Uploads.AsNoTracking()
            .Where(u => (u.State == Domain.Uploads.UploadState.Queued || u.State == Domain.Uploads.UploadState.Processing)
                        && u.CreatedAt < DateTimeOffset.UtcNow.AddMinutes(-10))
            .OrderBy(u => u.CreatedAt).Select(u => u.Id).Take(100).ToListAsync(ct);
        foreach (var uploadId in stalled)
        {
            logger.LogWarning("Upload {UploadId} was staged but not merged; merging it now", uploadId);
            await merger.MergeAsync(uploadId, ct);
        }
    }
}
