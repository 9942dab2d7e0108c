using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.HazardAreas;

/// <summary>
/// The current state of a hazardous area (IMSMA "Land"). Every state it has been in is kept as a
/// <see cref="HazardAreaVersion"/>; <see cref="Version"/> is also the optimistic-concurrency token.
/// </summary>
public sealed class HazardArea
{
    private HazardArea()
    {
    }

    public Guid Id { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string LocalId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public HazardClassification Classification { get; private set; }
    public List<ContaminationType> Contamination { get; private set; } = [];
    public HazardAreaStatus Status { get; private set; }
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];
    public DateOnly DateOfInformation { get; private set; }
    public string OrganisationCode { get; private set; } = "";
    public MultiPolygon Geometry { get; private set; } = null!;

    /// <summary>Geodesic m² on the WGS 84 ellipsoid, computed by PostGIS (geography) from <see cref="Geometry"/>.</summary>
    public double AreaSqm { get; private set; }

    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }
    public string ChangeReason { get; private set; } = "";

    public static HazardArea Register(Guid id, HazardAreaDetails details, MultiPolygon geometry, Actor actor,
        DateTimeOffset recordedAt, string reason)
    {
        var area = new HazardArea { Id = id, CountryCode = details.CountryCode, LocalId = details.LocalId, Version = 1 };
        area.Apply(details, geometry, actor, recordedAt, reason);
        return area;
    }

    public void Revise(HazardAreaDetails details, MultiPolygon geometry, Actor actor, DateTimeOffset recordedAt,
        string reason)
    {
        Version++;
        Apply(details, geometry, actor, recordedAt, reason);
    }

    public HazardAreaVersion Snapshot() => HazardAreaVersion.Of(this);

    private void Apply(HazardAreaDetails details, MultiPolygon geometry, Actor actor, DateTimeOffset recordedAt,
        string reason)
    {
        Name = details.Name;
        Classification = details.Classification;
        Contamination = [.. details.Contamination.Distinct().Order()];
        Status = details.Status;
        Evidence = [.. details.Evidence];
        DateOfInformation = details.DateOfInformation;
        OrganisationCode = details.OrganisationCode;
        Geometry = geometry;
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        RecordedAt = recordedAt;
        ChangeReason = reason;
    }
}
