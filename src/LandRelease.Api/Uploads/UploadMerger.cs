using LandRelease.Data.Common;
using LandRelease.Data.HazardAreas;
using Microsoft.Extensions.Options;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Merges an upload's staged hazardous areas through the register's one writer (<see cref="HazardAreaWriter"/>). An
/// atomic or small upload goes in one transaction; a larger one in parts of <see cref="UploadOptions.MergePartFeatures"/>,
/// <see cref="UploadOptions.MergeParallelism"/> at a time on their own connections (PostgreSQL then works on several
/// cores), each part whole, its reports refreshed once committed, and the upload DONE when the last is in.
/// </summary>
public sealed class UploadMerger(HazardAreaWriter writer, IOptions<UploadOptions> options, ILogger<UploadMerger> logger)
{
    /// <summary>Null when the upload is finished or unknown, or another merger is at work on it.</summary>
    public async Task<HazardAreaMerge.Result?> MergeAsync(Guid uploadId, CancellationToken ct)
    {
        var settings = options.Value;
        var steps = StepClock.Start();
        var result = await writer.MergeUploadAsync(uploadId, settings.MergePartFeatures, settings.MergeParallelism, ct);
        StepClock.Stop();
        if (result is null)
        {
            logger.LogInformation("Upload {UploadId} is finished, unknown or being merged elsewhere", uploadId);
        }
        else
        {
            logger.LogInformation("Upload {UploadId} merge steps (summed over parts): {Steps}", uploadId, steps.Summary());
        }

        return result;
    }
}
