namespace LandRelease.Domain.Releases;

public enum IncidentKind
{
    /// <summary>Two counted decisions release the same land; the overlap is counted once.</summary>
    OverlappingRelease,

    /// <summary>Land once cancelled was later reduced or cleared: cancelled land found contaminated.</summary>
    CancelledLandReworked,
}

/// <summary>A flag for quality review, raised when an approval overlaps land already released.</summary>
public sealed class QualityIncident
{
    private QualityIncident()
    {
    }

    public Guid Id { get; private set; }
    public Guid HazardAreaId { get; private set; }
    public string CountryCode { get; private set; } = "";
    public Guid DecisionId { get; private set; }
    public List<Guid> OverlappingDecisionIds { get; private set; } = [];
    public double OverlapSqm { get; private set; }
    public IncidentKind Kind { get; private set; }
    public DateOnly DateOfInformation { get; private set; }
    public DateTimeOffset DetectedAt { get; private set; }
}
