using System.Text.Json;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Traverses;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Uploads;

/// <summary>A feature after reading, conversion and every check that needs no database; completed by the batch.</summary>
internal sealed class CheckedFeature(int index)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int Index { get; } = index;
    public string? LocalId { get; set; }

    /// <summary>The name the file gives, read or not, so a refused feature is recognised in its outcome.</summary>
    public string? Name { get; set; }

    /// <summary>The file's line (CSV), for its outcome.</summary>
    public int? Line { get; set; }

    /// <summary>The attributes as the file wrote them, kept for a refused feature so it can be downloaded, fixed and sent again.</summary>
    public IReadOnlyDictionary<string, string?>? SourceAttributes { get; set; }

    /// <summary>The outline as read and converted to WGS 84, kept for a refused feature (shown on its map, downloaded with it).</summary>
    public NetTopologySuite.Geometries.Geometry? Drawn { get; set; }
    public HazardAreaDetails? Details { get; set; }

    /// <summary>Whether the file gave a status; a revision without one keeps the area's own.</summary>
    public bool StatusGiven { get; set; }

    public MultiPolygon? Geometry { get; set; }
    public string? ChangeReason { get; set; }

    /// <summary>The traverse the geometry was computed from, kept with the area (raw observations and results).</summary>
    public TraverseSolution? Traverse { get; set; }
    public List<Dictionary<string, object?>> Violations { get; } = [];
    public List<Dictionary<string, object?>> Warnings { get; } = [];
    public bool IsAccepted => Violations.Count == 0;

    public void Reject(string rule, string field, string message) =>
        Violations.Add(Problems.Item(rule, field, message));

    public void Reject(RuleViolation violation) => Violations.Add(Problems.ToItem(violation));

    public void Reject(GeometryIssue issue) => Violations.Add(Problems.ToItem(issue));

    public void Warn(GeometryIssue issue) => Warnings.Add(Problems.ToItem(issue));

    public StagedHazardArea ToStaged(Guid uploadId, Guid recordId, ExistingArea? existing) => new()
    {
        UploadId = uploadId,
        Index = Index,
        LocalId = LocalId,
        Name = Details?.Name,
        Classification = Details is null ? null : WireName<HazardClassification>.Of(Details.Classification),
        Contamination = Details is null ? null : [.. HazardArea.Normalised(Details.Contamination).Select(WireName<ContaminationType>.Of)],
        // A revision without a status keeps the area's own: left empty here, filled by the merge from the locked area.
        Status = Details is null || (!StatusGiven && existing is not null) ? null : WireName<HazardAreaStatus>.Of(Details.Status),
        Evidence = Details is null ? null : StagedHazardArea.EvidenceJson(Details.Evidence),
        DateOfInformation = Details?.DateOfInformation,
        OrganisationCode = Details?.OrganisationCode,
        Geometry = IsAccepted ? Geometry : null,
        ChangeReason = ChangeReason,
        RecordId = recordId,
        ExistingId = existing?.Id,
        ExistingVersion = existing?.Version,
        Violations = IsAccepted ? null : JsonSerializer.Serialize(Violations, Json),
        Warnings = Warnings.Count == 0 ? null : JsonSerializer.Serialize(Warnings, Json),
        Traverse = IsAccepted && Traverse is { } t ? TraverseRecordJson.Of(t) : null,
        Line = Line,
        ReportedName = Name,
        RefusedGeometry = IsAccepted ? null : RefusedOutline(),
        // Pairs, not an object: jsonb reorders an object's keys, and the download gives the columns in the file's order.
        RefusedAttributes = IsAccepted || SourceAttributes is null
            ? null
            : JsonSerializer.Serialize(SourceAttributes.Select(a => new[] { a.Key, a.Value }), Json),
    };

    /// <summary>
    /// The outline as the file gave it, even out of range (swapped or projected values), so the refused-features download
    /// hands it back for fixing where it was sent; the upload's map leaves out what is not longitude and latitude.
    /// </summary>
    private NetTopologySuite.Geometries.Geometry? RefusedOutline()
    {
        if (Drawn is not { IsEmpty: false } drawn || !drawn.Coordinates.All(c => double.IsFinite(c.X) && double.IsFinite(c.Y)))
        {
            return null;
        }

        var copy = drawn.Copy();
        copy.SRID = 4326;
        return copy;
    }
}

/// <summary>The register's current row for a local id that an upload names again.</summary>
internal sealed record ExistingArea(Guid Id, int Version, string OrganisationCode, string Status);
