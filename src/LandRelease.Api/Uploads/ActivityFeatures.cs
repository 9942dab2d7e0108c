using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Activities;
using LandRelease.Api.Infrastructure;
using LandRelease.Domain.Uploads;
using LandRelease.Intake;

namespace LandRelease.Api.Uploads;

/// <summary>
/// A file's feature as the activity register reads it: its attributes (JSON text where a cell holds JSON), its geometry
/// and nested points converted to WGS 84, as the Feature the API takes; and what becomes of it, as its outcome row.
/// </summary>
internal static class ActivityFeatures
{
    public static FeatureOutcomeRow Unreadable(SourceFeature feature, string problem) =>
        FeatureOutcomeRow.Rejected(feature.Index, StorableAttributes.Split(feature).Feature.Attributes.GetValueOrDefault("localId"),
            [Problems.Item("unreadable-feature", "geometry", problem)]);

    public static ActivityFeatureRequest? Request(SourceFeature source, SourceGeometry geometry, UploadParameters parameters,
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

    public static FeatureOutcomeRow ToLine(int index, string? localId, ActivityOutcome outcome) => outcome switch
    {
        ActivityOutcome.Stored s => new FeatureOutcomeRow(index, localId, FeatureOutcome.Accepted,
            s.Write switch { ActivityWrite.Created => FeatureAction.Created, ActivityWrite.Revised => FeatureAction.Updated, _ => FeatureAction.Unchanged },
            s.Id, null, s.Warnings.Count == 0 ? null : [.. s.Warnings.Select(w => Problems.ToItem(w.Issue))]),
        ActivityOutcome.Malformed m => FeatureOutcomeRow.Rejected(index, localId,
            [.. m.Errors.Select(e => Problems.Item("unreadable-attribute", e.Key, string.Join(" ", e.Value)))]),
        ActivityOutcome.Rejected r => FeatureOutcomeRow.Rejected(index, localId,
            [.. r.Violations.Select(Problems.ToItem), .. r.GeometryErrors.Select(g => Problems.ToItem(g.Issue))]),
        ActivityOutcome.Missing m => FeatureOutcomeRow.Rejected(index, localId, [Problems.Item("not-found", "properties.hazardAreaLocalId", $"No {m.What}.")]),
        ActivityOutcome.Forbidden f => FeatureOutcomeRow.Rejected(index, localId, [Problems.Item("not-your-organisation", "properties.organisation", f.Reason)]),
        ActivityOutcome.Duplicate d => FeatureOutcomeRow.Rejected(index, localId,
            [Problems.Item("local-id-taken", "properties.localId", $"{d.CountryCode} already has activity {d.ExistingId} with local id '{d.LocalId}'.")]),
        ActivityOutcome.Stale s => FeatureOutcomeRow.Rejected(index, localId,
            [Problems.Item("activity-changed", "properties.localId", $"The activity changed while this upload was recorded (now version {s.CurrentVersion}); upload it again.")]),
        _ => FeatureOutcomeRow.Rejected(index, localId, [Problems.Item("unexpected", "feature", outcome.ToString())]),
    };
}
