using System.Text.Json;
using LandRelease.Data.Common;
using LandRelease.Domain.HazardAreas;
using NetTopologySuite.Geometries;

namespace LandRelease.Data.Uploads;

/// <summary>
/// A hazardous area from an upload, read, converted to WGS 84 and checked, waiting for the set-based merge into
/// the register. Rejected features are staged too (without geometry) so every outcome row is written in one statement.
/// Rows live from the end of the upload's stream to the end of its merge.
/// </summary>
public sealed class StagedHazardArea
{
    public Guid UploadId { get; init; }
    public int Index { get; init; }
    public string? LocalId { get; init; }
    public string? Name { get; init; }
    public string? Classification { get; init; }
    public string[]? Contamination { get; init; }
    public string? Status { get; init; }
    public string? Evidence { get; init; }

    /// <summary>Evidence as the register's own jsonb column holds it, so the merge copies it unchanged.</summary>
    public static string EvidenceJson(IReadOnlyList<Evidence> evidence) => JsonSerializer.Serialize(evidence, JsonColumn.Options);
    public DateOnly? DateOfInformation { get; init; }
    public string? OrganisationCode { get; init; }
    public MultiPolygon? Geometry { get; init; }
    public string? ChangeReason { get; init; }

    /// <summary>The id a new area will take (UUIDv7, assigned while checking so the merge needs no round trip).</summary>
    public Guid RecordId { get; init; }

    /// <summary>The area this feature revises (same country and local id), found while checking.</summary>
    public Guid? ExistingId { get; init; }

    /// <summary>The version the revision was checked against; the merge refuses it if the area moved on.</summary>
    public int? ExistingVersion { get; init; }

    /// <summary>Rules broken, as JSON; null when the feature passed every check.</summary>
    public string? Violations { get; init; }

    public string? Warnings { get; init; }

    /// <summary>
    /// Set by the merge when the feature states exactly what its area already holds: reported UNCHANGED, and no
    /// version, audit row or report refresh follows (a file sent twice adds nothing to the history).
    /// </summary>
    public bool Unchanged { get; init; }

    /// <summary>When the outline came from a traverse: its observations and computed points, as JSON.</summary>
    public string? Traverse { get; init; }

    /// <summary>The file's line (CSV) for the outcome row.</summary>
    public int? Line { get; init; }

    /// <summary>The name as the file gave it, even when the attributes could not be read: the outcome row's name.</summary>
    public string? ReportedName { get; init; }

    /// <summary>A refused feature's outline in WGS 84, for its map and download; null for accepted features.</summary>
    public NetTopologySuite.Geometries.Geometry? RefusedGeometry { get; init; }

    /// <summary>A refused feature's attributes as the file wrote them (JSON [[name, value], ...]), so it can be fixed and sent again.</summary>
    public string? RefusedAttributes { get; init; }
}
