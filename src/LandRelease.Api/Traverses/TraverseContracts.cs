using LandRelease.Domain.Traverses;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Traverses;

/// <summary>A traverse as surveyed: legs RP→BM, BM→TP1, TP1→TP2 … TPn→TP1 (the last closes the polygon).</summary>
public sealed class TraverseRequest
{
    public TraversePointRequest? ReferencePoint { get; init; }

    /// <summary>TRUE, MAGNETIC or GRID.</summary>
    public string? BearingReference { get; init; }

    /// <summary>DEGREES or MILS (6400 to a circle).</summary>
    public string? AngleUnit { get; init; }

    /// <summary>East positive; required for MAGNETIC bearings (true = magnetic + declination).</summary>
    public double? MagneticDeclinationDegrees { get; init; }

    public TraverseLegRequest[]? Legs { get; init; }
}

/// <param name="Crs">EPSG:4326 unless said; any coordinate system the uploads accept.</param>
public sealed record TraversePointRequest(double? X, double? Y, string? Crs);

/// <param name="Distance">Metres, measured on the ground.</param>
public sealed record TraverseLegRequest(double? Bearing, double? Distance);

/// <summary>The computed traverse: its points in WGS 84 and in the UTM zone used, the polygon and how well it closes.</summary>
public sealed record TraversePreviewResponse(
    bool Accepted,
    string? RejectionReason,
    string Zone,
    double GridConvergenceDegrees,
    double MisclosureMetres,
    double? ClosureRatio,
    double TraverseLengthMetres,
    double PerimeterMetres,
    IReadOnlyList<TraversePoint> Points,
    TraversePoint ClosingPoint,
    IReadOnlyList<TraverseObservation> Observations,
    Polygon Polygon);
