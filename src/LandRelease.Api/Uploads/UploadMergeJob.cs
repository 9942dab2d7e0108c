using Hangfire;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Merges a large upload's staged features into the register. Takes the upload's id only; a second run finds the
/// upload finished and does nothing, so Hangfire may retry it or run it twice.
/// </summary>
public sealed class UploadMergeJob(UploadMerger merger, ILogger<UploadMergeJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(Guid uploadId, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await merger.MergeAsync(uploadId, ct);
        if (result is not null)
        {
            logger.LogInformation("Upload {UploadId} merged in {Seconds:F2} s: {Accepted} accepted, {Rejected} rejected, applied {Applied}",
                uploadId, clock.Elapsed.TotalSeconds, result.Accepted, result.Rejected, result.Applied);
        }
    }
}
