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

    /// <summary>The area less the union of its counted release decisions; maintained by the database at each approval.</summary>
    public MultiPolygon RemainingGeometry { get; private set; } = null!;

    /// <summary>Geodesic m² of <see cref="RemainingGeometry"/>.</summary>
    public double RemainingAreaSqm { get; private set; }

    /// <summary>Geodesic m² of the union of counted release decisions: each square metre once.</summary>
    public double ReleasedAreaSqm { get; private set; }

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
        area.RemainingGeometry = geometry;
        return area;
    }

    public void Revise(HazardAreaDetails details, MultiPolygon geometry, Actor actor, DateTimeOffset recordedAt,
        string reason)
    {
        Version++;
        Apply(details, geometry, actor, recordedAt, reason);
    }

    public HazardAreaVersion Snapshot() => HazardAreaVersion.Of(this);

    /// <summary>
    /// Brings the status in line with released land: worked on once some is released, closed when none
    /// remains (within 1 m²), handed over when every counted decision is, and reopened by a revocation.
    /// Returns whether the status changed (a new version is then due).
    /// </summary>
    public bool ReflectRelease(double remainingSqm, int countedDecisions, bool allHandedOver, DateOnly dateOfInformation,
        Actor actor, DateTimeOffset at)
    {
        var status = remainingSqm <= ClosedToleranceSqm && countedDecisions > 0
            ? (allHandedOver ? HazardAreaStatus.HandedOver : HazardAreaStatus.Closed)
            : countedDecisions > 0 ? HazardAreaStatus.WorkedOn
            : Status is HazardAreaStatus.Closed or HazardAreaStatus.HandedOver ? HazardAreaStatus.WorkedOn : Status;
        if (status == Status)
        {
            return false;
        }

        Version++;
        Status = status;
        // The new status is a fact from the release's date on, so asAt queries before it still see the old one.
        DateOfInformation = dateOfInformation > DateOfInformation ? dateOfInformation : DateOfInformation;
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        RecordedAt = at;
        ChangeReason = $"Status {WireName<HazardAreaStatus>.Of(status)} after release decisions ({remainingSqm:0.##} m² remaining)";
        return true;
    }

    /// <summary>
    /// Work on the ground (an activity under way or done) moves an open area to worked on, as a fact from the day the
    /// work began. Only an open area moves: a closed or handed-over one follows its release decisions alone.
    /// Returns whether the status changed (a new version is then due).
    /// </summary>
    public bool ReflectWork(DateOnly workStarted, string activity, Actor actor, DateTimeOffset at)
    {
        if (Status != HazardAreaStatus.Open)
        {
            return false;
        }

        Version++;
        Status = HazardAreaStatus.WorkedOn;
        DateOfInformation = workStarted > DateOfInformation ? workStarted : DateOfInformation;
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        RecordedAt = at;
        ChangeReason = WorkedOnReason(activity, workStarted);
        return true;
    }

    /// <summary>Why an open area became WORKED_ON; the set-based activity writer words its versions the same way.</summary>
    public static string WorkedOnReason(string activity, DateOnly workStarted) =>
        $"Status {WireName<HazardAreaStatus>.Of(HazardAreaStatus.WorkedOn)} after {activity} (work began {workStarted:yyyy-MM-dd})";

    public const double ClosedToleranceSqm = 1.0;

    /// <summary>Contamination as the register keeps it: each type once, in a fixed order, so lists compare as sets.</summary>
    public static IEnumerable<ContaminationType> Normalised(IEnumerable<ContaminationType> contamination) =>
        contamination.Distinct().Order();

    private void Apply(HazardAreaDetails details, MultiPolygon geometry, Actor actor, DateTimeOffset recordedAt,
        string reason)
    {
        Name = details.Name;
        Classification = details.Classification;
        Contamination = [.. Normalised(details.Contamination)];
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
