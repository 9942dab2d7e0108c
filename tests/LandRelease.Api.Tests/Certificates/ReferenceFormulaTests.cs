namespace LandRelease.Api.Tests.Certificates;

/// <summary>The test's own yardsticks, checked against PROJ before they are trusted to check the API.</summary>
public sealed class ReferenceFormulaTests
{
    // From /work/shared/vectors/crs.json (PROJ 9.1.1, "+proj=utm +zone=ZZ +datum=WGS84"): grid point and WGS 84 lon/lat.
    [Theory]
    [InlineData(47, 100.499999996, 13.749999997, 662176.29, 1520582.494)]
    [InlineData(48, 103.860000003, 13.360000002, 376550.135, 1477231.131)]
    [InlineData(48, 104.919999997, 11.559999996, 491277.401, 1277901.272)]
    [InlineData(48, 105.999999998, 15.100000003, 607462.09, 1669630.801)]
    [InlineData(49, 108.2, 16.049999998, 200396.497, 1776491.271)]
    public void KrugerSeriesAgreesWithProjToTheMillimetre(int zone, double lon, double lat, double easting, double northing)
    {
        var (e, n) = ReferenceFormulas.Utm(lon, lat, zone);

        Assert.Equal(easting, e, 0.001);
        Assert.Equal(northing, n, 0.001);
    }

    [Fact]
    public void RectangleAreaAgreesWithIntegratingTheAreaElement()
    {
        // dA = M(φ)·N(φ)·cosφ dφ dλ with the meridian (M) and prime-vertical (N) radii of curvature, midpoint rule.
        const double a = 6378137.0, f = 1 / 298.257223563, south = 13.36, north = 13.362, width = 0.003;
        const int steps = 10_000;
        var e2 = f * (2 - f);
        var dPhi = (north - south) * Math.PI / 180 / steps;
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            var phi = south * Math.PI / 180 + (i + 0.5) * dPhi;
            var w = 1 - e2 * Math.Sin(phi) * Math.Sin(phi);
            sum += a * (1 - e2) / Math.Pow(w, 1.5) * (a / Math.Sqrt(w)) * Math.Cos(phi) * dPhi;
        }

        Assert.Equal(sum * width * Math.PI / 180, ReferenceFormulas.RectangleAreaSqm(south, north, width), 1e-3);
    }
}
