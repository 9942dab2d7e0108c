namespace LandRelease.Intake;

/// <summary>
/// The raw observations of a traverse: a reference point, then legs RP -> BM -> TP1 -> ... -> TPn -> TP1.
/// Nothing is computed here; the bearings keep their unit and reference so the maths (and the record) see
/// exactly what the surveyor wrote.
/// </summary>
/// <param name="ReferenceX">Easting or longitude of the reference point, in <paramref name="ReferenceCrs"/>.</param>
/// <param name="ReferenceY">Northing or latitude of the reference point.</param>
/// <param name="ReferenceCrs">As written in the crs column (e.g. "EPSG:32648"); null when the upload's crs applies.</param>
/// <param name="AngleUnit"><see cref="TraverseUnits.Degrees"/> or <see cref="TraverseUnits.Mils"/> (6400 to a circle).</param>
/// <param name="BearingReference"><see cref="TraverseUnits.True"/>, <see cref="TraverseUnits.Magnetic"/> or <see cref="TraverseUnits.Grid"/>.</param>
/// <param name="DeclinationDegrees">Magnetic declination, east positive (true = magnetic + declination); set for magnetic bearings.</param>
/// <param name="Legs">In walking order; the first leaves the reference point, the last closes on TP1.</param>
public sealed record TraverseRecord(
    double ReferenceX,
    double ReferenceY,
    string? ReferenceCrs,
    string AngleUnit,
    string BearingReference,
    double? DeclinationDegrees,
    IReadOnlyList<TraverseLeg> Legs);

/// <param name="From">The point the leg leaves, as named in the file (RP, BM, TP1...).</param>
/// <param name="To">The point the leg reaches.</param>
/// <param name="Bearing">In the traverse's angle unit, from its bearing reference, clockwise.</param>
/// <param name="DistanceMetres">Horizontal ground distance.</param>
public readonly record struct TraverseLeg(string From, string To, double Bearing, double DistanceMetres);

/// <summary>The values <see cref="TraverseRecord"/> uses for its unit and reference, as written in a traverse CSV.</summary>
public static class TraverseUnits
{
    public const string Degrees = "DEGREES";
    public const string Mils = "MILS";
    public const string True = "TRUE";
    public const string Magnetic = "MAGNETIC";
    public const string Grid = "GRID";
}
