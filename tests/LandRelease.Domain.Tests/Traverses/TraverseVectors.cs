namespace LandRelease.Domain.Tests.Traverses;

using LandRelease.Domain.Traverses;

/// <summary>
/// Independent expected values, copied from the project's shared vectors (traverse.json): computed with
/// PROJ 9.1.1 (geod, the direct geodesic problem on the WGS 84 ellipsoid) for a traverse around a point near
/// Siem Reap. The same traverse is given with true bearings in degrees and in mils, magnetic bearings with a
/// declination of -0.5 degrees, and grid bearings (grid convergence at RP -0.263460636 degrees).
/// </summary>
public static class TraverseVectors
{
    public static readonly (double Lon, double Lat) ReferencePoint = (103.86, 13.36);
    public const double MagneticDeclinationDegrees = -0.5;
    public const double GridConvergenceDegrees = -0.263460636;

    public static readonly (string Name, double Lon, double Lat)[] ExpectedPoints =
    [
        ("BM", 103.860522206, 13.360511314),
        ("TP1", 103.860562282, 13.360733852),
        ("TP2", 103.861653219, 13.3605455),
        ("TP3", 103.861508949, 13.359744363),
        ("TP4", 103.860418014, 13.35993271),
    ];

    public static readonly (double Lon, double Lat) ExpectedClosingPoint = (103.860562285, 13.360733847);

    public static readonly TraverseLeg[] TrueDegrees = Legs((45.0, 80.0), (10.0, 25.0), (100.0, 120.0), (190.0, 90.0), (280.0, 120.0), (10.0, 90.0));

    public static readonly TraverseLeg[] TrueMils =
        Legs((800.0, 80.0), (177.777778, 25.0), (1777.777778, 120.0), (3377.777778, 90.0), (4977.777778, 120.0), (177.777778, 90.0));

    public static readonly TraverseLeg[] MagneticDegrees = Legs((45.5, 80.0), (10.5, 25.0), (100.5, 120.0), (190.5, 90.0), (280.5, 120.0), (10.5, 90.0));

    public static readonly TraverseLeg[] GridDegrees = Legs(
        (45.263460636, 80.0), (10.263460636, 25.0), (100.263460636, 120.0), (190.263460636, 90.0), (280.263460636, 120.0), (10.263460636, 90.0));

    /// <summary>"withMisclosure": the last leg 1.5 m too long; misclosure 1.4995 m over 446.5 m surveyed from BM.</summary>
    public static readonly TraverseLeg[] WithMisclosure = Legs((45.0, 80.0), (10.0, 25.0), (100.0, 120.0), (190.0, 90.0), (280.0, 120.0), (10.0, 91.5));

    public const double ExpectedMisclosureMetres = 1.4995;
    public const double ExpectedTraverseLengthMetres = 446.5;

    private static TraverseLeg[] Legs(params (double Bearing, double Distance)[] legs) => legs.Select(l => new TraverseLeg(l.Bearing, l.Distance)).ToArray();
}
