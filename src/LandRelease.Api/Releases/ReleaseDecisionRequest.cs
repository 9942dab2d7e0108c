using System.Text.Json;

namespace LandRelease.Api.Releases;

public sealed class ReleaseDecisionRequest
{
    public Guid? HazardAreaId { get; init; }

    /// <summary>CANCELLED (non-technical survey), REDUCED (technical survey) or CLEARED (clearance).</summary>
    public string? Kind { get; init; }

    /// <summary>GeoJSON Polygon or MultiPolygon (WGS 84) of the land released.</summary>
    public JsonElement? Geometry { get; init; }

    /// <summary>The survey or clearance activity that is the evidence; optional for legacy data.</summary>
    public Guid? ActivityId { get; init; }

    public string? Organisation { get; init; }

    /// <summary>When the land was released (yyyy-MM-dd): the period it counts in.</summary>
    public string? DateOfInformation { get; init; }

    public string? Notes { get; init; }

    /// <summary>The area as written on the completion report, e.g. {"value": 1.5, "unit": "HA"}.</summary>
    public EnteredAreaRequest? EnteredArea { get; init; }

    public AttachmentRequest[]? Attachments { get; init; }
}

public sealed class EnteredAreaRequest
{
    public double? Value { get; init; }

    /// <summary>SQM, HA or KM2.</summary>
    public string? Unit { get; init; }
}

public sealed class AttachmentRequest
{
    /// <summary>COMPLETION_REPORT, HANDOVER_CERTIFICATE or OTHER.</summary>
    public string? Kind { get; init; }

    public string? FileName { get; init; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public string? Sha256 { get; init; }

    public string? SignedBy { get; init; }
}

public sealed class WorkflowRequest
{
    /// <summary>Required to reject or revoke.</summary>
    public string? Reason { get; init; }

    /// <summary>For a revocation: from which date (yyyy-MM-dd) the land no longer counts; default today.</summary>
    public string? EffectiveDate { get; init; }
}
