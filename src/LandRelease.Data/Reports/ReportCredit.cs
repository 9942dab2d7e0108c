namespace LandRelease.Data.Reports;

/// <summary>
/// One approved (or once approved, since revoked) release decision as the reports count it: its land clipped to
/// its hazardous area, when it was known, and the m² credited to it across the whole country: what no decision
/// dated before it released, evaluated at the end of its year with everything now known. Hazardous areas may
/// overlap one another, so these credits, unlike the per-area ones, count land once per country.
/// </summary>
public sealed class ReportCredit
{
    private ReportCredit()
    {
    }

    public Guid DecisionId { get; private set; }
    public string CountryCode { get; private set; } = "";
    public Guid HazardAreaId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateOnly DateOfInformation { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }
    public DateOnly? RevokedFrom { get; private set; }

    /// <summary>When the revocation was recorded: reports as at an earlier date still count the decision.</summary>
    public DateTimeOffset? RevokedAt { get; private set; }

    public NetTopologySuite.Geometries.MultiPolygon Geometry { get; private set; } = null!;
    public double AreaSqm { get; private set; }
    public double CreditedSqm { get; private set; }
}
