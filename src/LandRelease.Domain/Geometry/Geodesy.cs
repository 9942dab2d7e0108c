namespace LandRelease.Domain.Geometry;

/// <summary>Distances on the WGS 84 ellipsoid, the datum every stored geometry is in (EPSG:4326).</summary>
public static class Geodesy
{
    private const double A = 6378137.0;
    private const double F = 1 / 298.257223563;
    private const double B = A * (1 - F);

    // IUGG mean radius R1 = (2a + b) / 3: the sphere that best fits the ellipsoid for the fallback.
    private const double MeanRadius = (2 * A + B) / 3;

    private const int MaxIterations = 200;
    private const double Convergence = 1e-12;

    /// <summary>
    /// Geodesic distance in metres between two lon/lat points (degrees), by Vincenty's inverse formula
    /// (accurate to well under a millimetre for the distances of a survey). Nearly antipodal points, where
    /// Vincenty does not converge, fall back to a great-circle distance on the mean sphere (within about 0.5 %).
    /// </summary>
    public static double DistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        if (lon1 == lon2 && lat1 == lat2)
        {
            return 0;
        }

        double l = ToRadians(LongitudeDifference(lon1, lon2));
        double u1 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat1)));
        double u2 = Math.Atan((1 - F) * Math.Tan(ToRadians(lat2)));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1);
        double sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);

        double lambda = l;
        for (var i = 0; i < MaxIterations; i++)
        {
            double sinLambda = Math.Sin(lambda), cosLambda = Math.Cos(lambda);
            double sinSigma = Math.Sqrt(Square(cosU2 * sinLambda) + Square(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            if (sinSigma == 0)
            {
                // Same point (e.g. both on a pole at different longitudes) or exactly antipodal.
                return cosSigma > 0 ? 0 : SphericalDistanceMetres(lon1, lat1, lon2, lat2);
            }

            double sigma = Math.Atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cosSqAlpha = 1 - sinAlpha * sinAlpha;
            // On the equator cos²α is 0 and the term is defined as 0.
            double cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));

            if (Math.Abs(lambda - previous) < Convergence)
            {
                return EllipsoidalDistance(cosSqAlpha, sinSigma, cosSigma, sigma, cos2SigmaM);
            }

            if (Math.Abs(lambda) > Math.PI)
            {
                break;
            }
        }

        return SphericalDistanceMetres(lon1, lat1, lon2, lat2);
    }

    private static double EllipsoidalDistance(double cosSqAlpha, double sinSigma, double cosSigma, double sigma, double cos2SigmaM)
    {
        double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
        double a = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double b = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double cos2SigmaMSq = cos2SigmaM * cos2SigmaM;
        double deltaSigma = b * sinSigma * (cos2SigmaM + b / 4 * (cosSigma * (-1 + 2 * cos2SigmaMSq)
            - b / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaMSq)));
        return B * a * (sigma - deltaSigma);
    }

    private static double SphericalDistanceMetres(double lon1, double lat1, double lon2, double lat2)
    {
        double phi1 = ToRadians(lat1), phi2 = ToRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = ToRadians(LongitudeDifference(lon1, lon2));
        double h = Square(Math.Sin(dPhi / 2)) + Math.Cos(phi1) * Math.Cos(phi2) * Square(Math.Sin(dLambda / 2));
        return 2 * MeanRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double LongitudeDifference(double lon1, double lon2)
    {
        double d = (lon2 - lon1) % 360;
        if (d > 180)
        {
            d -= 360;
        }
        else if (d < -180)
        {
            d += 360;
        }

        return d;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;

    private static double Square(double x) => x * x;
}
