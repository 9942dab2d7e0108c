namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class CountryBoundaryTests
{
    // Cambodia's hand-drawn northern edge runs along latitude 14.4 from 103.7 E to 104.8 E; a degree of
    // latitude there is about 110.65 km, so 0.00904° is 1 km and 0.0452° is 5 km.
    private static NetTopologySuite.Geometries.Geometry NorthOfCambodia(double degreesOutside) =>
        Shapes.Box(104.0, 14.4 + degreesOutside, 104.2, 14.45 + degreesOutside);

    [Fact]
    public void KeepsTheCountryCode() => Assert.Equal("KH", Shapes.Cambodia.Code);

    [Fact]
    public void DistanceIsZeroForLandInsideTheCountry() =>
        Assert.Equal(0, Shapes.Cambodia.DistanceMetres(Shapes.Box(104.0, 12.0, 104.1, 12.1)));

    [Fact]
    public void DistanceIsZeroForLandAcrossTheBorder() =>
        Assert.Equal(0, Shapes.Cambodia.DistanceMetres(Shapes.Box(104.0, 14.3, 104.2, 14.5)));

    [Fact]
    public void DistanceIsMeasuredGeodesicallyBetweenTheNearestPoints()
    {
        double metres = Shapes.Cambodia.DistanceMetres(NorthOfCambodia(0.0452));

        Assert.Equal(Geodesy.DistanceMetres(104.0, 14.4, 104.0, 14.4452), metres, 1e-6);
        Assert.InRange(metres, 4950, 5050);
    }

    [Fact]
    public void LandInsideFits() => Assert.True(Shapes.Cambodia.Fits(Shapes.Box(104.0, 12.0, 104.1, 12.1), 0));

    [Fact]
    public void LandOneKilometreOutsideFitsWithinTwoKilometres() =>
        Assert.True(Shapes.Cambodia.Fits(NorthOfCambodia(0.00904), 2000));

    [Fact]
    public void LandOneKilometreOutsideDoesNotFitWithinHalfAKilometre() =>
        Assert.False(Shapes.Cambodia.Fits(NorthOfCambodia(0.00904), 500));

    [Fact]
    public void LandFiveKilometresOutsideDoesNotFitWithinTwoKilometres() =>
        Assert.False(Shapes.Cambodia.Fits(NorthOfCambodia(0.0452), 2000));

    [Fact]
    public void AMultiPolygonBoundaryIsAccepted()
    {
        var islands = new CountryBoundary("XX", Shapes.Wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))"));

        Assert.True(islands.Fits(Shapes.Box(5.6, 5.1, 5.8, 5.2), 0));
        Assert.False(islands.Fits(Shapes.Box(3, 3, 3.1, 3.1), 2000));
    }

    [Theory]
    [InlineData("LINESTRING (0 0, 1 1)")]
    [InlineData("POLYGON EMPTY")]
    public void RejectsABoundaryThatIsNotAnArea(string wkt) =>
        Assert.Throws<ArgumentException>(() => new CountryBoundary("XX", Shapes.Wkt(wkt)));

    [Fact]
    public void RejectsABlankCode() =>
        Assert.Throws<ArgumentException>(() => new CountryBoundary(" ", Shapes.Wkt(Shapes.CambodiaWkt)));

    [Fact]
    public void ConcurrentReadsOfAFreshBoundaryAgreeWithSequentialOnes()
    {
        // A fresh instance, so the lazily built indexes are raced for on first use.
        var boundary = new CountryBoundary("KH", Shapes.Wkt(Shapes.CambodiaWkt));
        var inputs = Enumerable.Range(0, 200).Select(i => NorthOfCambodia((i - 100) * 0.001)).ToArray();
        var parallel = new (bool Fits, double Metres)[inputs.Length];

        Parallel.For(0, inputs.Length, i => parallel[i] = (boundary.Fits(inputs[i], 2000), boundary.DistanceMetres(inputs[i])));

        var sequential = inputs.Select(g => (Shapes.Cambodia.Fits(g, 2000), Shapes.Cambodia.DistanceMetres(g)));
        Assert.Equal(sequential, parallel);
    }
}
