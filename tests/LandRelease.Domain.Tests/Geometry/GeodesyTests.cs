namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

// Expected values were computed independently by integrating the geodesic equations on the WGS 84
// ellipsoid numerically (RK4) and shooting for the end point; they agree with the published figures.
public sealed class GeodesyTests
{
    private const double Millimetre = 0.001;

    [Fact]
    public void OneDegreeOfLatitudeAtTheEquatorIs110574Metres() =>
        Assert.Equal(110574.389, Geodesy.DistanceMetres(0, 0, 0, 1), Millimetre);

    [Fact]
    public void OneDegreeOfLongitudeAtTheEquatorIs111319Metres() =>
        Assert.Equal(111319.491, Geodesy.DistanceMetres(0, 0, 1, 0), Millimetre);

    [Fact]
    public void FlindersPeakToBuninyongMatchesVincentysPublishedDistance()
    {
        double flindersLon = 144 + 25 / 60.0 + 29.52440 / 3600, flindersLat = -(37 + 57 / 60.0 + 3.72030 / 3600);
        double buninyongLon = 143 + 55 / 60.0 + 35.38390 / 3600, buninyongLat = -(37 + 39 / 60.0 + 10.15610 / 3600);

        Assert.Equal(54972.271, Geodesy.DistanceMetres(flindersLon, flindersLat, buninyongLon, buninyongLat), Millimetre);
    }

    [Fact]
    public void PhnomPenhToSiemReapIsMeasuredToTheMillimetre() =>
        Assert.Equal(230509.172, Geodesy.DistanceMetres(104.9160, 11.5564, 103.8600, 13.3633), Millimetre);

    [Fact]
    public void DistancesInTheSouthernAndWesternHemispheresAreMeasuredToo() =>
        Assert.Equal(349309.958, Geodesy.DistanceMetres(-70.5, -33.4, -68.1, -31.0), Millimetre);

    [Fact]
    public void ShortEdgesOfAFewMetresAreMeasuredToTheMillimetre() =>
        Assert.Equal(10.848, Geodesy.DistanceMetres(103.0, 13.0, 103.0001, 13.0), Millimetre);

    [Fact]
    public void DistanceIsTheSameInBothDirections() =>
        Assert.Equal(
            Geodesy.DistanceMetres(104.9160, 11.5564, 103.8600, 13.3633),
            Geodesy.DistanceMetres(103.8600, 13.3633, 104.9160, 11.5564),
            1e-6);

    [Fact]
    public void CoincidentPointsAreZeroMetresApart() =>
        Assert.Equal(0, Geodesy.DistanceMetres(104.9, 11.5, 104.9, 11.5));

    [Fact]
    public void PointsOnThePoleAtDifferentLongitudesAreZeroMetresApart() =>
        Assert.Equal(0, Geodesy.DistanceMetres(10, 90, 120, 90), 1e-6);

    [Fact]
    public void LongitudesWrapAcrossTheAntimeridian() =>
        Assert.Equal(111319.491, Geodesy.DistanceMetres(179.5, 0, -179.5, 0), Millimetre);

    [Fact]
    public void ExactlyAntipodalPointsFallBackToTheSphereInsteadOfReportingZero()
    {
        // Half a meridian on WGS 84 is 20 003 931.459 m; the mean sphere is within 0.06 % of it.
        double metres = Geodesy.DistanceMetres(0, 0, 180, 0);

        Assert.InRange(metres, 20003931.459 * 0.999, 20003931.459 * 1.001);
    }

    [Fact]
    public void NearlyAntipodalPointsWhereVincentyDoesNotConvergeGiveAFiniteDistance()
    {
        double metres = Geodesy.DistanceMetres(0, 0, 179.7, 0.1);

        Assert.True(double.IsFinite(metres));
        Assert.InRange(metres, 19.9e6, 20.02e6);
    }
}
