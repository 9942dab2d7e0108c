namespace LandRelease.Domain.Tests.Coordinates;

using LandRelease.Domain.Coordinates;

public sealed class UtmTests
{
    private const double Centimetre = 0.01;

    // From /work/shared/vectors/crs.json, computed by PROJ 9.1.1 (pyproj 3.4.1) from
    // "+proj=utm +zone=ZZ +datum=WGS84": the grid point (input) and its WGS 84 lon/lat (expected).
    // PROJ went grid -> lon/lat; these tests go back, so FromWgs84 must land on the grid point.
    public static TheoryData<string, int, double, double, double, double> ProjVectors => new()
    {
        { "EPSG:32647 Bangkok", 47, 100.499999996, 13.749999997, 662176.29, 1520582.494 },
        { "EPSG:32647 central meridian", 47, 99.0, 19.499999999, 500000.0, 2156152.853 },
        { "EPSG:32648 Siem Reap", 48, 103.860000003, 13.360000002, 376550.135, 1477231.131 },
        { "EPSG:32648 Phnom Penh", 48, 104.919999997, 11.559999996, 491277.401, 1277901.272 },
        { "EPSG:32648 east of the meridian", 48, 105.999999998, 15.100000003, 607462.09, 1669630.801 },
        { "EPSG:32649 Da Nang, 2.8 degrees off the meridian", 49, 108.2, 16.049999998, 200396.497, 1776491.271 },
    };

    [Theory]
    [MemberData(nameof(ProjVectors))]
    public void FromWgs84AgreesWithProjToTheCentimetre(string name, int zone, double lon, double lat, double easting, double northing)
    {
        var (e, n) = Utm.FromWgs84(lon, lat, zone, north: true);

        Assert.True(Math.Abs(e - easting) < Centimetre, $"{name}: easting {e:F4}, PROJ {easting}");
        Assert.True(Math.Abs(n - northing) < Centimetre, $"{name}: northing {n:F4}, PROJ {northing}");
    }

    [Theory]
    [InlineData(103.86, 48)]
    [InlineData(100.5, 47)]
    [InlineData(108.2, 49)]
    [InlineData(99.0, 47)] // a zone boundary belongs to the zone east of it
    [InlineData(102.0, 48)]
    [InlineData(-180.0, 1)]
    [InlineData(-0.000001, 30)]
    [InlineData(0.0, 31)]
    [InlineData(179.999, 60)]
    [InlineData(180.0, 60)]
    public void ZoneOfIsTheSixDegreeBandOfTheLongitude(double lon, int zone) => Assert.Equal(zone, Utm.ZoneOf(lon));

    [Theory]
    [InlineData(13.36, true)]
    [InlineData(0.0, true)]
    [InlineData(-6.2, false)]
    public void IsNorthFromTheEquatorUp(double lat, bool north) => Assert.Equal(north, Utm.IsNorth(lat));

    [Theory]
    [InlineData(103.86, 13.36, 32648)]
    [InlineData(100.5, 13.75, 32647)]
    [InlineData(108.2, 16.05, 32649)]
    [InlineData(106.8, -6.2, 32748)] // Jakarta
    [InlineData(125.6, 7.1, 32651)] // Davao
    public void EpsgOfNamesTheWgs84UtmZone(double lon, double lat, int epsg) => Assert.Equal(epsg, Utm.EpsgOf(lon, lat));

    [Fact]
    public void SouthernZonesAreTheNorthernMirroredAboutTheFalseNorthing()
    {
        // Transverse Mercator is symmetric about the equator: N(-lat) = -N(lat); the south adds 10 000 km.
        var (eNorth, nNorth) = Utm.FromWgs84(106.8, 6.2, 48, north: true);
        var (eSouth, nSouth) = Utm.FromWgs84(106.8, -6.2, 48, north: false);

        Assert.Equal(eNorth, eSouth, 1e-6);
        Assert.Equal(10_000_000 - nNorth, nSouth, 1e-6);
    }

    [Fact]
    public void TheCentralMeridianHasTheFalseEasting()
    {
        var (easting, _) = Utm.FromWgs84(105.0, 12.0, 48, north: true);

        Assert.Equal(500_000, easting, 1e-6);
    }

    [Fact]
    public void ConcurrentCallsAcrossZonesGiveTheSameAnswersAsSequentialOnes()
    {
        var points = Enumerable.Range(0, 2000)
            .Select(i => (Lon: 96.0 + i % 300 * 0.06, Lat: -8.0 + i / 300 * 4.0))
            .ToArray();
        var sequential = points.Select(p => Utm.FromWgs84(p.Lon, p.Lat, Utm.ZoneOf(p.Lon), Utm.IsNorth(p.Lat))).ToArray();

        var parallel = new (double, double)[points.Length];
        Parallel.For(0, points.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[i] = Utm.FromWgs84(points[i].Lon, points[i].Lat, Utm.ZoneOf(points[i].Lon), Utm.IsNorth(points[i].Lat)));

        Assert.Equal(sequential, parallel);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void AZoneOutsideOneToSixtyIsRefused(int zone) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Utm.FromWgs84(103.0, 13.0, zone, north: true));

    [Theory]
    [InlineData(double.NaN, 13.0)]
    [InlineData(103.0, 91.0)]
    public void ACoordinateThatIsNotLonLatIsRefused(double lon, double lat) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Utm.FromWgs84(lon, lat, 48, north: true));
}
