using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Activities;

/// <summary>
/// Land an activity proposes to cancel, reduce or clear. It moves no figure: the release-decision workflow
/// turns it into a draft decision, which only approval makes count.
/// </summary>
public sealed class ProposedOutcome
{
    private ProposedOutcome()
    {
    }

    internal ProposedOutcome(int ordinal, ReleaseKind kind, MultiPolygon geometry, Guid? releaseDecisionId)
    {
        Ordinal = ordinal;
        Set(kind, geometry, releaseDecisionId);
    }

    /// <summary>Position in the activity's list, from 0.</summary>
    public int Ordinal { get; private set; }

    public ReleaseKind Kind { get; private set; }
    public MultiPolygon Geometry { get; private set; } = null!;

    /// <summary>Geodesic m² of <see cref="Geometry"/> (PostGIS geography, a generated column).</summary>
    public double AreaSqm { get; private set; }

    /// <summary>The release decision drafted from this outcome, once one is.</summary>
    public Guid? ReleaseDecisionId { get; private set; }

    internal void Set(ReleaseKind kind, MultiPolygon geometry, Guid? releaseDecisionId)
    {
        Kind = kind;
        Geometry = geometry;
        ReleaseDecisionId = releaseDecisionId;
    }

    internal void Measured(double areaSqm) => AreaSqm = areaSqm;

    internal void Link(Guid releaseDecisionId) => ReleaseDecisionId = releaseDecisionId;
}
