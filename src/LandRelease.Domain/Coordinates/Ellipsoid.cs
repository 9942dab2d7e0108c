namespace LandRelease.Domain.Coordinates;

/// <summary>
/// A reference ellipsoid and the conversions between geodetic longitude/latitude (on the surface, height 0,
/// as PROJ does for 2D coordinates) and Earth-centred X, Y, Z, where datum shifts are applied.
/// </summary>
internal readonly record struct Ellipsoid(string Name, double SemiMajor, double InverseFlattening)
{
    public static readonly Ellipsoid Wgs84 = new("WGS 84", 6378137.0, 298.257223563);
    public static readonly Ellipsoid Everest1937 = new("Everest 1830 (1937 Adjustment)", 6377276.345, 300.8017);
    public static readonly Ellipsoid Krassowsky1940 = new("Krassowsky 1940", 6378245.0, 298.3);

    private const double DegreesToRadians = Math.PI / 180;
    private const double RadiansToDegrees = 180 / Math.PI;

    // A sphere is written with inverse flattening 0.
    private double Flattening => InverseFlattening == 0 ? 0 : 1 / InverseFlattening;

    private double SemiMinor => SemiMajor * (1 - Flattening);

    private double EccentricitySquared => Flattening * (2 - Flattening);

    /// <summary>
    /// Same figure within a centimetre: spellings of one ellipsoid differ in their last digits, while distinct
    /// ellipsoids differ by metres (WGS 84 and GRS 80, 0.1 mm apart, count as one).
    /// </summary>
    public bool SameFigureAs(Ellipsoid other) =>
        Math.Abs(SemiMajor - other.SemiMajor) < 0.01 && Math.Abs(SemiMinor - other.SemiMinor) < 0.01;

    public (double X, double Y, double Z) ToGeocentric(double lonDegrees, double latDegrees)
    {
        double lon = lonDegrees * DegreesToRadians, lat = latDegrees * DegreesToRadians;
        double sinLat = Math.Sin(lat), cosLat = Math.Cos(lat);
        double e2 = EccentricitySquared;
        double n = SemiMajor / Math.Sqrt(1 - e2 * sinLat * sinLat);
        return (n * cosLat * Math.Cos(lon), n * cosLat * Math.Sin(lon), n * (1 - e2) * sinLat);
    }

    /// <summary>
    /// Bowring's closed form (1976): for points within kilometres of the surface, as every shifted point is,
    /// it is exact to far below a millimetre without iterating.
    /// </summary>
    public (double Lon, double Lat) ToGeodetic(double x, double y, double z)
    {
        double a = SemiMajor, b = SemiMinor, e2 = EccentricitySquared;
        double secondE2 = (a * a - b * b) / (b * b);
        double p = Math.Sqrt(x * x + y * y);
        double theta = Math.Atan2(z * a, p * b);
        double sinTheta = Math.Sin(theta), cosTheta = Math.Cos(theta);
        double lat = Math.Atan2(z + secondE2 * b * sinTheta * sinTheta * sinTheta, p - e2 * a * cosTheta * cosTheta * cosTheta);
        return (Math.Atan2(y, x) * RadiansToDegrees, lat * RadiansToDegrees);
    }
}
