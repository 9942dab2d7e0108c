using System.Text.Json;

namespace LandRelease.Api.Activities;

/// <summary>A survey or clearance activity as a GeoJSON Feature: the geometry is the land worked (or null).</summary>
public sealed class ActivityFeatureRequest
{
    /// <summary>Always "Feature".</summary>
    public string? Type { get; init; }

    /// <summary>The land worked, a GeoJSON Polygon or MultiPolygon; null when no land was worked (a non-technical survey).</summary>
    public JsonElement? Geometry { get; init; }

    public ActivityPropertiesRequest? Properties { get; init; }
}

public sealed class ActivityPropertiesRequest
{
    /// <summary>The operator's own reference, unique in the country; a batch upload updates the activity that has it.</summary>
    public string? LocalId { get; init; }

    /// <summary>The hazardous area worked; in a URL that names the area, optional (and must agree).</summary>
    public Guid? HazardAreaId { get; init; }

    /// <summary>The hazardous area worked, by its local id in the country (batch uploads).</summary>
    public string? HazardAreaLocalId { get; init; }

    /// <summary>NTS, TS, CLEARANCE, BAC, EOD_SPOT_TASK or POST_CLEARANCE_INSPECTION.</summary>
    public string? Type { get; init; }

    /// <summary>Code of the organisation that did the work.</summary>
    public string? Organisation { get; init; }

    /// <summary>How the work was done, e.g. "Manual clearance to 13 cm", "Mechanical ground preparation".</summary>
    public string? Method { get; init; }

    /// <summary>yyyy-MM-dd.</summary>
    public string? StartDate { get; init; }

    /// <summary>yyyy-MM-dd; required once COMPLETED.</summary>
    public string? EndDate { get; init; }

    /// <summary>PLANNED, ONGOING, SUSPENDED or COMPLETED.</summary>
    public string? Status { get; init; }

    /// <summary>A GeoJSON Point: the landmark the team navigated from.</summary>
    public JsonElement? ReferencePoint { get; init; }

    public DeviceRequest[]? Devices { get; init; }

    public ProposedOutcomeRequest[]? ProposedOutcomes { get; init; }

    public string? Notes { get; init; }

    /// <summary>Why this version is recorded; required when revising.</summary>
    public string? ChangeReason { get; init; }
}

public sealed class DeviceRequest
{
    /// <summary>AP_MINE, AV_MINE, SUBMUNITION or OTHER_ERW.</summary>
    public string? Type { get; init; }

    public int? Found { get; init; }

    public int? Destroyed { get; init; }
}

public sealed class ProposedOutcomeRequest
{
    /// <summary>CANCELLED (NTS), REDUCED (TS) or CLEARED (CLEARANCE, BAC).</summary>
    public string? Kind { get; init; }

    /// <summary>A GeoJSON Polygon or MultiPolygon within the hazardous area.</summary>
    public JsonElement? Geometry { get; init; }
}
