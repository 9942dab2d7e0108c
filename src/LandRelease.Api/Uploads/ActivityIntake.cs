using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Records an upload's activities through the activity register, with every rule the API applies to a single activity;
/// a local id known in the country updates that activity. Features go in parts of
/// <see cref="UploadOptions.ActivityPartFeatures"/>: converted and checked in parallel, placed on their areas and
/// written set-based (<see cref="Data.Activities.ActivityWriter"/>), each part in its own transaction followed by its
/// report refresh. A local id met again starts a new part, so a later feature revises an earlier one as it would one by
/// one. An atomic upload takes one transaction for every part, rolled back whole when any feature is refused.
/// </summary>
internal sealed class ActivityIntake(IServiceScopeFactory scopes, LandReleaseDbContext db, IOptions<UploadOptions> options,
    UploadProgress progress, IReportTrigger reports, ILogger<ActivityIntake> logger)
{
    private const int Attempts = 3;

    private sealed record Work(int Index, ActivityFeatureRequest Request);

    public async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<ActivityRegister>();
        var registerDb = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        await using var transaction = parameters.Atomic ? await registerDb.Database.BeginTransactionAsync(ct) : null;
        var lines = new List<ReportLine>();
        var batch = new List<SourceFeature>();
        var size = Math.Max(1, options.Value.ActivityPartFeatures);
        var nextProgress = UploadProgress.Every;
        await foreach (var feature in source.ReadAsync(ct))
        {
            batch.Add(feature);
            if (batch.Count == size)
            {
                await RecordBatchAsync(register, batch, geometry, parameters, user, lines, ct);
                batch.Clear();
                if (lines.Count >= nextProgress)
                {
                    await progress.ReportAsync(uploadId, lines.Count, ct);
                    nextProgress += UploadProgress.Every;
                }
            }
        }

        await RecordBatchAsync(register, batch, geometry, parameters, user, lines, ct);
        var refused = transaction is not null && lines.Any(l => l.Outcome == FeatureOutcome.Rejected);
        if (transaction is not null)
        {
            if (refused)
            {
                await transaction.RollbackAsync(ct);
                lines = [.. lines.Select(l => l.Outcome == FeatureOutcome.Accepted ? l with { Outcome = FeatureOutcome.NotStored, Action = null, RecordId = null } : l)];
            }
            else
            {
                await transaction.CommitAsync(ct);
                reports.CountryChanged(parameters.CountryCode);
            }
        }

        await UploadReportRows.WriteAsync(db, uploadId, [.. lines.OrderBy(l => l.Index)], refused, ct);
        return lines.Count;
    }

    /// <summary>Converts a batch in parallel, then records it in parts that repeat no local id.</summary>
    private async Task RecordBatchAsync(ActivityRegister register, List<SourceFeature> batch, SourceGeometry geometry,
        UploadParameters parameters, UserScope user, List<ReportLine> lines, CancellationToken ct)
    {
        var requests = new ActivityFeatureRequest?[batch.Count];
        var unreadable = new ReportLine?[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            requests[i] = ActivityFeatures.Request(batch[i], geometry, parameters, out var problem);
            unreadable[i] = requests[i] is null ? ActivityFeatures.Unreadable(batch[i], problem!) : null;
        });

        lines.AddRange(unreadable.OfType<ReportLine>());
        var part = new List<Work>();
        var localIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            if (requests[i] is not { } request)
            {
                continue;
            }

            if (ActivityRequestReader.LocalIdKey(request.Properties?.LocalId) is { } localId && !localIds.Add(localId))
            {
                lines.AddRange(await RecordPartAsync(register, part, parameters, user, ct));
                part.Clear();
                localIds.Clear();
                localIds.Add(localId);
            }

            part.Add(new Work(batch[i].Index, request));
        }

        lines.AddRange(await RecordPartAsync(register, part, parameters, user, ct));
    }

    /// <summary>
    /// One part. Outside an atomic upload it is its own transaction: a deadlock or serialization failure rolled it back
    /// whole, so it is tried again; any other failure becomes its features' report lines, so the others still tell the truth.
    /// </summary>
    private async Task<IReadOnlyList<ReportLine>> RecordPartAsync(ActivityRegister register, List<Work> part, UploadParameters parameters,
        UserScope user, CancellationToken ct)
    {
        if (part.Count == 0)
        {
            return [];
        }

        var inputs = part.Select(w => new ActivityInput(w.Request, AreaReference.FromFeature(w.Request, parameters.CountryCode))).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var outcomes = await register.RecordManyAsync(inputs, user, ActivityWriteMode.UpsertByLocalId, ct);
                logger.LogInformation("A part of {Count} activities recorded in {Milliseconds:F0} ms", part.Count,
                    System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return [.. part.Zip(outcomes, (w, o) => ActivityFeatures.ToLine(w.Index, w.Request.Properties?.LocalId, o))];
            }
            catch (Exception e) when (!parameters.Atomic && attempt < Attempts && IsTransient(e))
            {
                logger.LogInformation("A part of {Count} activities met a transient database failure ({Message}); trying again", part.Count, e.Message);
            }
            catch (Exception e) when (!parameters.Atomic && e is not OperationCanceledException)
            {
                logger.LogError(e, "A part of {Count} activities could not be recorded", part.Count);
                return [.. part.Select(w => ReportLine.Rejected(w.Index, w.Request.Properties?.LocalId, [Problems.Item("not-recorded", "feature",
                    "The feature could not be recorded because of a server error (logged). Send it again: if it was stored after all, it comes back UNCHANGED.")]))];
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure;
}
