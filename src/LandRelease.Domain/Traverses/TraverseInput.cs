namespace LandRelease.Domain.Traverses;

/// <summary>What the bearings of a traverse are measured from.</summary>
public enum BearingReference
{
    /// <summary>True (geographic) north.</summary>
    True,

    /// <summary>Magnetic north, read off a compass; true = magnetic + declination (east positive).</summary>
    Magnetic,

    /// <summary>Grid north of the UTM zone, as read off a map.</summary>
    Grid,
}

public enum AngleUnit
{
    /// <summary>360 to a circle.</summary>
    Degrees,

    /// <summary>NATO mils, 6400 to a circle, as on military compasses.</summary>
    Mils,
}

/// <summary>One observation: the bearing from the previous point (in the traverse's unit and reference) and the ground distance in metres.</summary>
public sealed record TraverseLeg(double Bearing, double Distance);

/// <summary>The GPS-fixed landmark the traverse starts from, in any CRS <see cref="Coordinates.CoordinateSystems"/> resolves.</summary>
public sealed record TraverseReferencePoint(double X, double Y, string Crs = "EPSG:4326");

/// <summary>
/// A traverse as surveyed: reference point RP, then legs RP->BM (benchmark), BM->TP1, TP1->TP2, ..., and last
/// TPn->TP1, which closes the polygon. So n turning points take n + 2 legs.
/// </summary>
public sealed record TraverseInput(
    TraverseReferencePoint ReferencePoint,
    BearingReference BearingReference,
    AngleUnit AngleUnit,
    IReadOnlyList<TraverseLeg> Legs,
    double? MagneticDeclinationDegrees = null)
{
    /// <summary>n turning points need n + 2 legs; a polygon needs three.</summary>
    public const int MinTurningPoints = 3;

    public int TurningPoints => Math.Max(0, (Legs?.Count ?? 0) - 2);
}
