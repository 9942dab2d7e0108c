using System.Text.Json;

namespace LandRelease.Api.HazardAreas;

/// <summary>A hazardous area as a GeoJSON Feature (RFC 7946, WGS 84 longitude/latitude).</summary>
public sealed class HazardAreaFeatureRequest
{
    /// <summary>Always "Feature".</summary>
    public string? Type { get; init; }

    /// <summary>A GeoJSON Polygon or MultiPolygon.</summary>
    public JsonElement? Geometry { get; init; }

    public HazardAreaPropertiesRequest? Properties { get; init; }
}

public sealed class HazardAreaPropertiesRequest
{
    /// <summary>ISO 3166 alpha-3, e.g. KHM.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The national database's own reference, unique in the country.</summary>
    public string? LocalId { get; init; }

    public string? Name { get; init; }

    /// <summary>SHA or CHA (DHA, a legacy term, is read as CHA).</summary>
    public string? Classification { get; init; }

    /// <summary>Any of AP_MINE, AV_MINE, CLUSTER_MUNITION, OTHER_ERW.</summary>
    public string[]? Contamination { get; init; }

    /// <summary>OPEN, WORKED_ON, CLOSED or HANDED_OVER.</summary>
    public string? Status { get; init; }

    public EvidenceRequest[]? Evidence { get; init; }

    /// <summary>When these facts were true (ISO date, yyyy-MM-dd).</summary>
    public string? DateOfInformation { get; init; }

    /// <summary>Code of the organisation that recorded the area.</summary>
    public string? Organisation { get; init; }

    /// <summary>Why this version is recorded; required when revising an area.</summary>
    public string? ChangeReason { get; init; }
}

public sealed class EvidenceRequest
{
    /// <summary>DIRECT (a device seen, an accident) or INDIRECT (interviews, history).</summary>
    public string? Kind { get; init; }

    public string? Description { get; init; }
}
