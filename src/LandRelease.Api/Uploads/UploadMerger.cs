using LandRelease.Data;
using LandRelease.Data.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Merges an upload's staged hazardous areas. An atomic or small upload goes in one transaction; a larger one in parts
/// of <see cref="UploadOptions.MergePartFeatures"/>, <see cref="UploadOptions.MergeParallelism"/> at a time on their
/// own connections (PostgreSQL then works on several cores), each part whole and the upload DONE when the last is in.
/// One merger per upload at a time, whichever node it runs on: a session advisory lock, released with the connection
/// if the process dies, so a retry or the sweep takes over.
/// </summary>
public sealed class UploadMerger(LandReleaseDbContext db, IServiceScopeFactory scopes, IOptions<UploadOptions> options,
    ILogger<UploadMerger> logger)
{
    private const string LockKey = "hashtext('upload-merge'), hashtext($1::text)";

    /// <summary>Null when the upload is finished or unknown, or another merger is at work on it.</summary>
    public async Task<HazardAreaMerge.Result?> MergeAsync(Guid uploadId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await AdvisoryAsync($"SELECT pg_try_advisory_lock({LockKey})", uploadId, ct))
            {
                logger.LogInformation("Upload {UploadId} is being merged elsewhere", uploadId);
                return null;
            }

            try
            {
                return await MergeLockedAsync(uploadId, ct);
            }
            finally
            {
                await AdvisoryAsync($"SELECT pg_advisory_unlock({LockKey})", uploadId, CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<HazardAreaMerge.Result?> MergeLockedAsync(Guid uploadId, CancellationToken ct)
    {
        var settings = options.Value;
        var parts = await HazardAreaMerge.PartsAsync(db, uploadId, settings.MergePartFeatures, ct);
        if (parts is null)
        {
            return null;
        }

        if (parts.Count <= 1)
        {
            return await HazardAreaMerge.MergeAsync(db, uploadId, ct);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.MergeParallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(parts, parallel, async (range, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var partDb = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
            await HazardAreaMerge.MergePartAsync(partDb, uploadId, range, token);
        });
        return await HazardAreaMerge.FinishAsync(db, uploadId, ct);
    }

    private async Task<bool> AdvisoryAsync(string sql, Guid uploadId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
