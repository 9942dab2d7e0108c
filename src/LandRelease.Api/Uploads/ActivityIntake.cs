using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.Common;
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
internal sealed partial class ActivityIntake(IServiceScopeFactory scopes, LandReleaseDbContext db, IOptions<UploadOptions> options,
    UploadProgress progress, IReportTrigger reports, ILogger<ActivityIntake> logger)
{
    private const int Attempts = 3;

    private sealed record Work(int Index, ActivityFeatureRequest Request);

    public async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, CancellationToken ct)
    {
        // An atomic upload is one transaction on one connection; otherwise registers (each its own scope and connection)
        // take turns, so that one checks the next part while the others write the parts before it.
        var scopeCount = parameters.Atomic ? 1 : Math.Max(1, options.Value.ActivityPartWriters) + 1;
        var registerScopes = Enumerable.Range(0, scopeCount).Select(_ => scopes.CreateAsyncScope()).ToList();
        try
        {
            return await RecordAsync(uploadId, source, geometry, parameters, user,
                [.. registerScopes.Select(s => s.ServiceProvider.GetRequiredService<ActivityRegister>())],
                registerScopes[0].ServiceProvider.GetRequiredService<LandReleaseDbContext>(), ct);
        }
        finally
        {
            foreach (var registerScope in registerScopes)
            {
                await registerScope.DisposeAsync();
            }
        }
    }

    private async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, ActivityRegister[] registers, LandReleaseDbContext registerDb, CancellationToken ct)
    {
        await using var transaction = parameters.Atomic ? await registerDb.Database.BeginTransactionAsync(ct) : null;
        var pipeline = new Pipeline(this, registers, parameters, user);
        var steps = StepClock.Start();
        var batch = new List<SourceFeature>();
        var size = Math.Max(1, options.Value.ActivityPartFeatures);
        var nextProgress = UploadProgress.Every;
        try
        {
            await foreach (var feature in source.ReadAsync(ct))
            {
                batch.Add(feature);
                if (batch.Count == size)
                {
                    await RecordBatchAsync(pipeline, batch, geometry, parameters, ct);
                    batch.Clear();
                    if (pipeline.Lines.Count >= nextProgress)
                    {
                        await progress.ReportAsync(uploadId, pipeline.Lines.Count, ct);
                        nextProgress += UploadProgress.Every;
                    }
                }
            }

            await RecordBatchAsync(pipeline, batch, geometry, parameters, ct);
            await pipeline.DrainAsync();
        }
        finally
        {
            // Reading stopped half-way (a broken file, a cancelled request): let the writes under way end before their
            // registers' scopes go.
            await pipeline.SettleAsync();
            StepClock.Stop();
        }

        logger.LogInformation("Upload {UploadId}: activity steps (checks of one part overlap the writes of the ones before): {Steps}",
            uploadId, steps.Summary());
        var lines = pipeline.Lines;
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

        await UploadOutcomeRows.WriteAsync(db, uploadId, [.. lines.OrderBy(l => l.Index)], refused, ct);
        return lines.Count;
    }

    /// <summary>Converts a batch in parallel, then records it in parts that repeat no local id.</summary>
    private static async Task RecordBatchAsync(Pipeline pipeline, List<SourceFeature> batch, SourceGeometry geometry,
        UploadParameters parameters, CancellationToken ct)
    {
        var requests = new ActivityFeatureRequest?[batch.Count];
        var unreadable = new FeatureOutcomeRow?[batch.Count];
        await StepClock.TimeAsync("Convert", () =>
        {
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                requests[i] = ActivityFeatures.Request(batch[i], geometry, parameters, out var problem);
                unreadable[i] = requests[i] is null ? ActivityFeatures.Unreadable(batch[i], problem!) : null;
            });
            return Task.CompletedTask;
        });

        pipeline.Lines.AddRange(unreadable.OfType<FeatureOutcomeRow>());
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
                await pipeline.SubmitAsync(part, localIds, ct);
                part = [];
                localIds = new HashSet<string>(StringComparer.Ordinal) { localId };
            }

            part.Add(new Work(batch[i].Index, request));
        }

        await pipeline.SubmitAsync(part, localIds, ct);
    }

    /// <summary>Null when a transient failure or any failure outside an atomic upload stopped the checks.</summary>
    private async Task<CheckedActivities?> CheckPartAsync(ActivityRegister register, List<Work> part, List<ActivityInput> inputs,
        UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        try
        {
            return await StepClock.TimeAsync("Check", () => register.CheckManyAsync(inputs, user, ActivityWriteMode.UpsertByLocalId, ct));
        }
        catch (Exception e) when (!parameters.Atomic && e is not OperationCanceledException)
        {
            logger.LogInformation("The checks of a part of {Count} activities failed ({Message}); recording it again", part.Count, e.Message);
            return null;
        }
    }

    private async Task<IReadOnlyList<FeatureOutcomeRow>> WritePartAsync(ActivityRegister register, List<Work> part, List<ActivityInput> inputs,
        CheckedActivities checkedPart, UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcomes = await StepClock.TimeAsync("Write", () => register.WriteCheckedAsync(checkedPart, ct));
            logger.LogInformation("A part of {Count} activities written in {Milliseconds:F0} ms", part.Count,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return [.. part.Zip(outcomes, (w, o) => ActivityFeatures.ToLine(w.Index, w.Request.Properties?.LocalId, o))];
        }
        catch (Exception e) when (!parameters.Atomic && IsTransient(e))
        {
            // The part's transaction rolled back whole: check and write it again.
            logger.LogInformation("A part of {Count} activities met a transient database failure ({Message}); trying again", part.Count, e.Message);
            return await RecordPartAsync(register, part, inputs, parameters, user, ct);
        }
        catch (Exception e) when (!parameters.Atomic && e is not OperationCanceledException)
        {
            logger.LogError(e, "A part of {Count} activities could not be recorded", part.Count);
            return NotRecorded(part);
        }
    }

    /// <summary>
    /// One part, checked and written together. Outside an atomic upload it is its own transaction: a deadlock or
    /// serialization failure rolled it back whole, so it is tried again; any other failure becomes its features' outcome
    /// rows, so the others still tell the truth.
    /// </summary>
    private async Task<IReadOnlyList<FeatureOutcomeRow>> RecordPartAsync(ActivityRegister register, List<Work> part, List<ActivityInput> inputs,
        UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcomes = await register.RecordManyAsync(inputs, user, ActivityWriteMode.UpsertByLocalId, ct);
                return [.. part.Zip(outcomes, (w, o) => ActivityFeatures.ToLine(w.Index, w.Request.Properties?.LocalId, o))];
            }
            catch (Exception e) when (!parameters.Atomic && attempt < Attempts && IsTransient(e))
            {
                logger.LogInformation("A part of {Count} activities met a transient database failure ({Message}); trying again", part.Count, e.Message);
            }
            catch (Exception e) when (!parameters.Atomic && e is not OperationCanceledException)
            {
                logger.LogError(e, "A part of {Count} activities could not be recorded", part.Count);
                return NotRecorded(part);
            }
        }
    }

    private static List<FeatureOutcomeRow> NotRecorded(List<Work> part) => [.. part.Select(w => FeatureOutcomeRow.Rejected(w.Index, w.Request.Properties?.LocalId,
        [Problems.Item("not-recorded", "feature",
            "The feature could not be recorded because of a server error (logged). Send it again: if it was stored after all, it comes back UNCHANGED.")]))];

    private static bool IsTransient(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure;
}
