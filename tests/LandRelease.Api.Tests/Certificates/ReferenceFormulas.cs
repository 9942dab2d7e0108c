namespace LandRelease.Api.Tests.Certificates;

/// <summary>
/// Independent expectations for the certificate's figures, written from the textbook formulas on the WGS 84
/// ellipsoid with no ProjNet or PostGIS in sight.
/// </summary>
public static class ReferenceFormulas
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;

    /// <summary>
    /// Area between two parallels over <paramref name="widthDegrees"/> of longitude:
    /// A = a²(1−e²)·Δλ·[F(φ2)−F(φ1)], F(φ) = sinφ/(2(1−e²sin²φ)) + ln((1+e·sinφ)/(1−e·sinφ))/(4e).
    /// </summary>
    public static double RectangleAreaSqm(double southDegrees, double northDegrees, double widthDegrees)
    {
        double e2 = F * (2 - F), e = Math.Sqrt(e2);
        double Authalic(double degrees)
        {
            var s = Math.Sin(Radians(degrees));
            return s / (2 * (1 - e2 * s * s)) + Math.Log((1 + e * s) / (1 - e * s)) / (4 * e);
        }

        return A * A * (1 - e2) * Radians(widthDegrees) * (Authalic(northDegrees) - Authalic(southDegrees));
    }

    /// <summary>
    /// WGS 84 / UTM (northern zones) by the Krüger series in n to fourth order (Karney 2011, eqs. 7–11, 35):
    /// well under a millimetre inside a zone.
    /// </summary>
    public static (double Easting, double Northing) Utm(double lon, double lat, int zone)
    {
        const double k0 = 0.9996, falseEasting = 500_000;
        var n = F / (2 - F);
        double n2 = n * n, n3 = n2 * n, n4 = n3 * n;
        var rectifying = A / (1 + n) * (1 + n2 / 4 + n4 / 64);
        double[] alpha =
        [
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
            61 * n3 / 240 - 103 * n4 / 140,
            49561 * n4 / 161280,
        ];

        var e = 2 * Math.Sqrt(n) / (1 + n);
        var phi = Radians(lat);
        var dLambda = Radians(lon - (zone * 6 - 183));
        var t = Math.Sinh(Math.Atanh(Math.Sin(phi)) - e * Math.Atanh(e * Math.Sin(phi)));
        var xi = Math.Atan(t / Math.Cos(dLambda));
        var eta = Math.Atanh(Math.Sin(dLambda) / Math.Sqrt(1 + t * t));

        double x = eta, y = xi;
        for (var j = 1; j <= alpha.Length; j++)
        {
            x += alpha[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
            y += alpha[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
        }

        return (falseEasting + k0 * rectifying * x, k0 * rectifying * y);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
