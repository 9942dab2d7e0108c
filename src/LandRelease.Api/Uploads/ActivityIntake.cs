using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Records an upload's activities through the activity register, with every rule the API applies to a single activity;
/// a local id known in the country updates that activity. Features are recorded by
/// <see cref="UploadOptions.ActivityParallelism"/> workers at once, each in its own transaction; features sharing a
/// local id go to the same worker, in file order, so a later one revises an earlier one as it would one by one. Atomic
/// uploads go one by one in one transaction with a savepoint per feature, rolled back whole when any is refused.
/// </summary>
internal sealed class ActivityIntake(IServiceScopeFactory scopes, LandReleaseDbContext db, IOptions<UploadOptions> options,
    ILogger<ActivityIntake> logger)
{
    private const int Attempts = 3;

    private sealed record Work(int Index, ActivityFeatureRequest Request);

    public async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, CancellationToken ct)
    {
        var (lines, notStored) = parameters.Atomic
            ? await RecordAtomicallyAsync(source, geometry, parameters, user, ct)
            : (await RecordConcurrentlyAsync(source, geometry, parameters, user, ct), false);
        await UploadReportRows.WriteAsync(db, uploadId, [.. lines.OrderBy(l => l.Index)], notStored, ct);
        return lines.Count;
    }

    private async Task<List<ReportLine>> RecordConcurrentlyAsync(FeatureSource source, SourceGeometry geometry,
        UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        var lines = new ConcurrentBag<ReportLine>();
        var workers = Math.Max(1, options.Value.ActivityParallelism);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queues = Enumerable.Range(0, workers).Select(_ => Channel.CreateBounded<Work>(32)).ToArray();
        var running = queues.Select(queue => Task.Run(async () =>
        {
            try
            {
                await foreach (var work in queue.Reader.ReadAllAsync(failed.Token))
                {
                    lines.Add(await RecordIsolatedAsync(work, parameters, user, failed.Token));
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, CancellationToken.None)).ToArray();

        try
        {
            await foreach (var feature in source.ReadAsync(failed.Token))
            {
                var request = Request(feature, geometry, parameters, out var problem);
                if (request is null)
                {
                    lines.Add(Unreadable(feature, problem!));
                    continue;
                }

                var localId = ActivityRequestReader.LocalIdKey(request.Properties?.LocalId);
                var worker = localId is null ? feature.Index % workers : (int)((uint)StringComparer.Ordinal.GetHashCode(localId) % (uint)workers);
                await queues[worker].Writer.WriteAsync(new Work(feature.Index, request), failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // A worker failed and stopped the reading: its own error is thrown below.
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            foreach (var queue in queues)
            {
                queue.Writer.TryComplete();
            }

            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(running);
        return [.. lines];
    }

    private async Task<(List<ReportLine> Lines, bool NotStored)> RecordAtomicallyAsync(FeatureSource source, SourceGeometry geometry,
        UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        var lines = new List<ReportLine>();
        await using var shared = scopes.CreateAsyncScope();
        var register = shared.ServiceProvider.GetRequiredService<ActivityRegister>();
        await using var transaction = await shared.ServiceProvider.GetRequiredService<LandReleaseDbContext>().Database.BeginTransactionAsync(ct);
        await foreach (var feature in source.ReadAsync(ct))
        {
            var request = Request(feature, geometry, parameters, out var problem);
            if (request is null)
            {
                lines.Add(Unreadable(feature, problem!));
                continue;
            }

            await transaction.CreateSavepointAsync("feature", ct);
            var line = await RecordOneAsync(register, new Work(feature.Index, request), parameters, user, ct);
            if (line.Outcome != FeatureOutcome.Accepted)
            {
                await transaction.RollbackToSavepointAsync("feature", ct);
            }

            lines.Add(line);
        }

        if (lines.Any(l => l.Outcome == FeatureOutcome.Rejected))
        {
            await transaction.RollbackAsync(ct);
            return ([.. lines.Select(l => l.Outcome == FeatureOutcome.Accepted ? l with { Outcome = FeatureOutcome.NotStored, Action = null, RecordId = null } : l)], true);
        }

        await transaction.CommitAsync(ct);
        return (lines, false);
    }

    /// <summary>
    /// One feature in its own scope and transaction. A deadlock or serialization failure rolled it back whole, so it is
    /// tried again; any other failure becomes its report line, so the other features' lines still tell the truth.
    /// </summary>
    private async Task<ReportLine> RecordIsolatedAsync(Work work, UploadParameters parameters, UserScope user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                return await RecordOneAsync(scope.ServiceProvider.GetRequiredService<ActivityRegister>(), work, parameters, user, ct);
            }
            catch (Exception e) when (attempt < Attempts && IsTransient(e))
            {
                logger.LogInformation("Feature {Index} met a transient database failure ({Message}); trying again", work.Index, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Feature {Index} of an activity upload could not be recorded", work.Index);
                return ReportLine.Rejected(work.Index, work.Request.Properties?.LocalId, [Problems.Item("not-recorded", "feature",
                    "The feature could not be recorded because of a server error (logged). Send it again: if it was stored after all, it comes back UNCHANGED.")]);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState is PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.SerializationFailure;

    private static async Task<ReportLine> RecordOneAsync(ActivityRegister register, Work work, UploadParameters parameters, UserScope user,
        CancellationToken ct)
    {
        var outcome = await register.RecordAsync(work.Request, AreaReference.FromFeature(work.Request, parameters.CountryCode), user,
            ActivityWriteMode.UpsertByLocalId, ct);
        return ToLine(work.Index, work.Request.Properties?.LocalId, outcome);
    }

    private static ReportLine Unreadable(SourceFeature feature, string problem) =>
        ReportLine.Rejected(feature.Index, StorableAttributes.Split(feature).Feature.Attributes.GetValueOrDefault("localId"),
            [Problems.Item("unreadable-feature", "geometry", problem)]);

    private static ActivityFeatureRequest? Request(SourceFeature source, SourceGeometry geometry, UploadParameters parameters,
        out string? problem)
    {
        var (feature, refused) = StorableAttributes.Split(source);
        problem = refused.Count > 0 ? string.Join(" ", refused.Select(r => $"{r.Attribute}: {r.Problem}")) : feature.Problem;
        if (problem is not null)
        {
            return null;
        }

        var properties = new JsonObject();
        foreach (var (key, value) in feature.Attributes)
        {
            properties[key] = value is ['{', ..] or ['[', ..] ? Parse(value) ?? JsonValue.Create(value) : JsonValue.Create(value);
        }

        properties["organisation"] ??= parameters.OrganisationCode;
        JsonNode? worked = null;
        if (feature.Geometry is not null)
        {
            var converted = geometry.ToWgs84(feature, out _, out var conversion);
            if (conversion is not null)
            {
                problem = conversion.Message;
                return null;
            }

            worked = GeoJsonNodes.From(converted!);
        }

        if (!geometry.IsWgs84 && (properties["referencePoint"] is not null || properties["proposedOutcomes"] is not null))
        {
            geometry.ConvertNested(properties, "referencePoint");
            if (properties["proposedOutcomes"] is JsonArray outcomes)
            {
                foreach (var outcome in outcomes.OfType<JsonObject>())
                {
                    geometry.ConvertNested(outcome, "geometry");
                }
            }
        }

        var node = new JsonObject { ["type"] = "Feature", ["geometry"] = worked, ["properties"] = properties };
        try
        {
            return node.Deserialize<ActivityFeatureRequest>(Infrastructure.StorableStringConverter.WebOptions);
        }
        catch (JsonException e)
        {
            problem = $"The feature's properties do not read as an activity: {e.Message}";
            return null;
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ReportLine ToLine(int index, string? localId, ActivityOutcome outcome) => outcome switch
    {
        ActivityOutcome.Stored s => new ReportLine(index, localId, FeatureOutcome.Accepted,
            s.Write switch { ActivityWrite.Created => FeatureAction.Created, ActivityWrite.Revised => FeatureAction.Updated, _ => FeatureAction.Unchanged },
            s.Id, null, s.Warnings.Count == 0 ? null : [.. s.Warnings.Select(w => Problems.ToItem(w.Issue))]),
        ActivityOutcome.Malformed m => ReportLine.Rejected(index, localId,
            [.. m.Errors.Select(e => Problems.Item("unreadable-attribute", e.Key, string.Join(" ", e.Value)))]),
        ActivityOutcome.Rejected r => ReportLine.Rejected(index, localId,
            [.. r.Violations.Select(Problems.ToItem), .. r.GeometryErrors.Select(g => Problems.ToItem(g.Issue))]),
        ActivityOutcome.Missing m => ReportLine.Rejected(index, localId, [Problems.Item("not-found", "properties.hazardAreaLocalId", $"No {m.What}.")]),
        ActivityOutcome.Forbidden f => ReportLine.Rejected(index, localId, [Problems.Item("not-your-organisation", "properties.organisation", f.Reason)]),
        ActivityOutcome.Duplicate d => ReportLine.Rejected(index, localId,
            [Problems.Item("local-id-taken", "properties.localId", $"{d.CountryCode} already has activity {d.ExistingId} with local id '{d.LocalId}'.")]),
        ActivityOutcome.Stale s => ReportLine.Rejected(index, localId,
            [Problems.Item("activity-changed", "properties.localId", $"The activity changed while this upload was recorded (now version {s.CurrentVersion}); upload it again.")]),
        _ => ReportLine.Rejected(index, localId, [Problems.Item("unexpected", "feature", outcome.ToString())]),
    };
}
