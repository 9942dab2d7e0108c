using LandRelease.Data.Common;
using LandRelease.Data.HazardAreas;
using LandRelease.Data.Uploads;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Merges an upload's staged hazardous areas through the register's one writer (<see cref="HazardAreaWriter"/>). An
/// atomic or small upload goes in one transaction; a larger one in parts of <see cref="UploadOptions.MergePartFeatures"/>,
/// <see cref="UploadOptions.MergeParallelism"/> at a time on their own connections (PostgreSQL then works on several
/// cores), each part whole, its reports refreshed once committed, and the upload DONE when the last is in.
/// </summary>
public sealed class UploadMerger(HazardAreaWriter writer, NpgsqlDataSource dataSource, IOptions<UploadOptions> options,
    ILogger<UploadMerger> logger)
{
    /// <summary>Null when the upload is finished or unknown, or another merger is at work on it.</summary>
    public async Task<HazardAreaMerge.Result?> MergeAsync(Guid uploadId, CancellationToken ct)
    {
        var settings = options.Value;
        HazardAreaMerge.Result? result;
        var steps = StepClock.Start();
        try
        {
            result = await writer.MergeUploadAsync(uploadId, settings.MergePartFeatures, settings.MergeParallelism, ct);
        }
        catch (PostgresException e) when (UploadMergeFailure.ReasonFor(e) is { } reason)
        {
            // A retry would meet the same timeout or full disk: the upload ends FAILED with the reason, not QUEUED for
            // ever (and the request that merged it inline answers with that, not a 500).
            logger.LogError(e, "Upload {UploadId}: the database stopped the merge ({SqlState})", uploadId, e.SqlState);
            await UploadMergeFailure.RecordAsync(dataSource, uploadId, reason, CancellationToken.None);
            return null;
        }
        finally
        {
            StepClock.Stop();
        }

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
