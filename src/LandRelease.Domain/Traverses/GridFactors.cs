using LandRelease.Domain.Coordinates;

namespace LandRelease.Domain.Traverses;

/// <summary>
/// Grid convergence and point scale factor of a UTM zone at a point, measured on the projection itself: the
/// grid image of a short stretch of the meridian through the point gives both (its direction is grid
/// north's offset from true north; its length over the ellipsoidal arc is the scale). So they agree with
/// the projection used for the coordinates, whatever its formulas.
/// </summary>
internal static class GridFactors
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double E2 = F * (2 - F);
    private const double StepDegrees = 1e-4; // about 11 m of meridian
    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>Convergence: true azimuth of grid north, degrees (negative west of the central meridian in the north). Scale: grid / ellipsoid distance.</summary>
    public static (double ConvergenceDegrees, double Scale) At(CrsTransform zone, double lon, double lat)
    {
        var (e1, n1) = zone.FromWgs84(lon, lat - StepDegrees / 2);
        var (e2, n2) = zone.FromWgs84(lon, lat + StepDegrees / 2);
        double de = e2 - e1, dn = n2 - n1;

        // The meridian heads (de, dn) on the grid; true north lies at grid bearing atan2(de, dn), so grid north at minus that.
        var convergence = -Math.Atan2(de, dn) / DegreesToRadians;
        var sinLat = Math.Sin(lat * DegreesToRadians);
        var meridianRadius = A * (1 - E2) / Math.Pow(1 - E2 * sinLat * sinLat, 1.5);
        var scale = Math.Sqrt(de * de + dn * dn) / (meridianRadius * StepDegrees * DegreesToRadians);
        return (convergence, scale);
    }
}
