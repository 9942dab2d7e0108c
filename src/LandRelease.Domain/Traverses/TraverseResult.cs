using System.Diagnostics.CodeAnalysis;
using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Traverses;

/// <summary>A computed point: WGS 84 longitude/latitude and its easting/northing in the traverse's UTM zone.</summary>
public sealed record TraversePoint(string Name, double Longitude, double Latitude, double Easting, double Northing);

/// <summary>A leg as observed (bearing in the input unit and reference, ground distance) and the grid bearing it was plotted on.</summary>
public sealed record TraverseObservation(string From, string To, double Bearing, double Distance, double GridBearingDegrees);

/// <summary>A traverse worked out: its points, its polygon, its raw observations, and how well it closes.</summary>
public sealed class TraverseSolution
{
    public required TraverseInput Input { get; init; }

    /// <summary>The UTM zone the traverse was plotted in, that of the reference point: "48N".</summary>
    public required string Zone { get; init; }

    /// <summary>EPSG code of that zone on WGS 84 (326zz or 327zz), the CRS of every easting/northing here.</summary>
    public required int ZoneEpsg { get; init; }

    /// <summary>True azimuth of grid north at the reference point, in degrees (grid bearing = true bearing - convergence).</summary>
    public required double GridConvergenceDegrees { get; init; }

    /// <summary>RP, BM, TP1 ... TPn.</summary>
    public required IReadOnlyList<TraversePoint> Points { get; init; }

    /// <summary>Where the last leg actually ends; TP1 if the traverse closed perfectly.</summary>
    public required TraversePoint ClosingPoint { get; init; }

    public required IReadOnlyList<TraverseObservation> Observations { get; init; }

    /// <summary>TP1 ... TPn, closed on TP1, in WGS 84 (SRID 4326); the closing point is not part of it.</summary>
    public required Polygon Polygon { get; init; }

    /// <summary>Ellipsoidal distance in metres from the closing point to TP1.</summary>
    public required double MisclosureMetres { get; init; }

    /// <summary>N of 1:N, <see cref="TraverseLengthMetres"/> / misclosure; null when the traverse closes exactly.</summary>
    public required double? ClosureRatio { get; init; }

    /// <summary>Sum of the observed distances from the benchmark round to the closing point (every leg but RP->BM).</summary>
    public required double TraverseLengthMetres { get; init; }

    /// <summary>Perimeter of the polygon, ellipsoidal, in metres.</summary>
    public required double PerimeterMetres { get; init; }

    /// <summary>Whether the misclosure is within <see cref="TraverseOptions"/>; if not, <see cref="RejectionReason"/> says why.</summary>
    public required bool Accepted { get; init; }

    public string? RejectionReason { get; init; }

    public TraversePoint Point(string name) => Points.Single(p => p.Name == name);
}

/// <summary>A solution, or every reason the input cannot be computed (field paths such as "legs[3].distance").</summary>
public sealed class TraverseResult
{
    private TraverseResult(TraverseSolution? solution, IReadOnlyList<RuleViolation> errors) => (Solution, Errors) = (solution, errors);

    public TraverseSolution? Solution { get; }

    public IReadOnlyList<RuleViolation> Errors { get; }

    [MemberNotNullWhen(true, nameof(Solution))]
    public bool Succeeded => Solution is not null;

    internal static TraverseResult Solved(TraverseSolution solution) => new(solution, []);

    internal static TraverseResult Invalid(IReadOnlyList<RuleViolation> errors) => new(null, errors);
}
