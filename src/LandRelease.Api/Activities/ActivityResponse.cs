using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Activities;

/// <summary>An activity as a GeoJSON Feature; the geometry is the land worked (null when none was).</summary>
public sealed record ActivityFeature(string Type, Guid Id, Geometry? Geometry, ActivityProperties Properties)
{
    internal static ActivityFeature From(Activity a) => new("Feature", a.Id, a.WorkedArea, new ActivityProperties(
        a.Id, a.HazardAreaId, a.CountryCode, a.LocalId, WireName<ActivityType>.Of(a.Type), a.OrganisationCode, a.Method,
        a.StartDate, a.EndDate, WireName<ActivityStatus>.Of(a.Status), a.ReferencePoint,
        a.WorkedAreaSqm is { } sqm ? Math.Round(sqm, 2) : null,
        [.. a.Devices.OrderBy(d => d.DeviceType).Select(d => new DeviceResponse(WireName<DeviceType>.Of(d.DeviceType), d.Found, d.Destroyed))],
        [.. a.ProposedOutcomes.OrderBy(o => o.Ordinal).Select(o => new ProposedOutcomeResponse(o.Ordinal, WireName<ReleaseKind>.Of(o.Kind),
            o.Geometry, Math.Round(o.AreaSqm, 2), o.ReleaseDecisionId))],
        a.Notes, a.Version, a.RecordedAt, a.RecordedBy, a.RecordedByOrganisation, a.ChangeReason));
}

public sealed record ActivityProperties(
    Guid Id,
    Guid HazardAreaId,
    string CountryCode,
    string? LocalId,
    string Type,
    string Organisation,
    string Method,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Status,
    Point ReferencePoint,
    double? WorkedAreaSqm,
    DeviceResponse[] Devices,
    ProposedOutcomeResponse[] ProposedOutcomes,
    string? Notes,
    int Version,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? RecordedByOrganisation,
    string ChangeReason);

public sealed record DeviceResponse(string Type, int Found, int Destroyed);

/// <summary>A proposed outcome with its geodesic m² and, once drafted, its release decision.</summary>
public sealed record ProposedOutcomeResponse(int Ordinal, string Kind, Geometry Geometry, double AreaSqm, Guid? ReleaseDecisionId);

public sealed record ActivityFeatureCollection(string Type, ActivityFeature[] Features, int NumberReturned, Link[] Links);

public sealed record ActivityDecisionsResponse(Guid ActivityId, OutcomeDecision[] Decisions);

/// <summary>Writes activity Features; the same text is served and kept as the version's record.</summary>
internal static class ActivityJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new GeoJsonConverterFactory() },
    };

    public static string Write(Activity activity) => JsonSerializer.Serialize(ActivityFeature.From(activity), Options);

    /// <summary>Adds the geometry fixes and warnings, each with the field it concerns, as a foreign member.</summary>
    public static string WithWarnings(string featureJson, IReadOnlyList<FieldIssue> warnings)
    {
        if (warnings.Count == 0)
        {
            return featureJson;
        }

        var node = JsonNode.Parse(featureJson)!.AsObject();
        node["warnings"] = JsonSerializer.SerializeToNode(warnings.Select(w => Problems.ToItem(w.Issue, w.Field)), JsonSerializerOptions.Web);
        return node.ToJsonString();
    }
}
