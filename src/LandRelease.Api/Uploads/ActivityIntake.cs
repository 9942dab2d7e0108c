using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LandRelease.Api.Uploads;

/// <summary>
/// Records an upload's activities one by one through the activity register, with every rule the API applies to a
/// single activity; a local id known in the country updates that activity. Activity files are small (a team's
/// weeks of work), so this runs before the response. Atomic uploads share one transaction with a savepoint per
/// feature, rolled back whole when any feature is refused.
/// </summary>
internal sealed class ActivityIntake(IServiceScopeFactory scopes, LandReleaseDbContext db)
{
    public async Task<int> RecordAsync(Guid uploadId, FeatureSource source, SourceGeometry geometry, UploadParameters parameters,
        UserScope user, CancellationToken ct)
    {
        var lines = new List<ReportLine>();
        await using var shared = parameters.Atomic ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
        var sharedDb = shared?.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        await using var transaction = sharedDb is null ? null : await sharedDb.Database.BeginTransactionAsync(ct);

        await foreach (var feature in source.ReadAsync(ct))
        {
            var request = Request(feature, geometry, parameters, out var problem);
            if (request is null)
            {
                lines.Add(ReportLine.Rejected(feature.Index, Attribute(feature, "localId"), [Item("unreadable-feature", "geometry", problem!)]));
                continue;
            }

            if (transaction is not null)
            {
                await transaction.CreateSavepointAsync("feature", ct);
            }

            await using var own = transaction is null ? scopes.CreateAsyncScope() : (AsyncServiceScope?)null;
            var register = (own ?? shared)!.Value.ServiceProvider.GetRequiredService<ActivityRegister>();
            var outcome = await register.RecordAsync(request, AreaReference.FromFeature(request, parameters.CountryCode), user,
                ActivityWriteMode.UpsertByLocalId, ct);
            var line = ToLine(feature.Index, request.Properties?.LocalId, outcome);
            if (transaction is not null && line.Outcome != FeatureOutcome.Accepted)
            {
                await transaction.RollbackToSavepointAsync("feature", ct);
            }

            lines.Add(line);
        }

        var refused = lines.Any(l => l.Outcome == FeatureOutcome.Rejected);
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
            }
        }

        await UploadReportRows.WriteAsync(db, uploadId, lines, parameters.Atomic && refused, ct);
        return lines.Count;
    }

    private static ActivityFeatureRequest? Request(SourceFeature feature, SourceGeometry geometry, UploadParameters parameters,
        out string? problem)
    {
        problem = feature.Problem;
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
            return node.Deserialize<ActivityFeatureRequest>(JsonSerializerOptions.Web);
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
            [.. m.Errors.Select(e => Item("unreadable-attribute", e.Key, string.Join(" ", e.Value)))]),
        ActivityOutcome.Rejected r => ReportLine.Rejected(index, localId,
            [.. r.Violations.Select(v => Item(v.Rule, v.Field, v.Message)), .. r.GeometryErrors.Select(g => Problems.ToItem(g.Issue))]),
        ActivityOutcome.Missing m => ReportLine.Rejected(index, localId, [Item("not-found", "properties.hazardAreaLocalId", $"No {m.What}.")]),
        ActivityOutcome.Forbidden f => ReportLine.Rejected(index, localId, [Item("not-your-organisation", "properties.organisation", f.Reason)]),
        ActivityOutcome.Duplicate d => ReportLine.Rejected(index, localId,
            [Item("local-id-taken", "properties.localId", $"{d.CountryCode} already has activity {d.ExistingId} with local id '{d.LocalId}'.")]),
        ActivityOutcome.Stale s => ReportLine.Rejected(index, localId,
            [Item("activity-changed", "properties.localId", $"The activity changed while this upload was recorded (now version {s.CurrentVersion}); upload it again.")]),
        _ => ReportLine.Rejected(index, localId, [Item("unexpected", "feature", outcome.ToString())]),
    };

    private static string? Attribute(SourceFeature feature, string name) =>
        feature.Attributes.TryGetValue(name, out var value) ? value : null;

    private static Dictionary<string, object?> Item(string rule, string field, string message) =>
        new() { ["rule"] = rule, ["field"] = field, ["message"] = message };
}
