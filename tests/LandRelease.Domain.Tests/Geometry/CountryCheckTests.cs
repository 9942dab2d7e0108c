namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class CountryCheckTests
{
    [Fact]
    public void AcceptsLandInsideTheCountry()
    {
        var result = GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01), Shapes.Cambodia);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void AcceptsLandOneKilometreOutsideTheBorderWithinTheDefaultTolerance() =>
        Assert.True(GeometryChecks.Check(Shapes.Box(104.0, 14.40904, 104.2, 14.45904), Shapes.Cambodia).IsAccepted);

    [Fact]
    public void RejectsLandFiveKilometresOutsideNamingTheDistanceAndCountry()
    {
        var result = GeometryChecks.Check(Shapes.Box(104.0, 14.4452, 104.2, 14.4952), Shapes.Cambodia);

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.OutsideCountry, error.Rule);
        Assert.StartsWith("The land lies 5.0 km outside KH, more than the 2.0 km allowed", error.Message);
        Assert.Equal(14.4452, error.Latitude!.Value, 1e-9);
    }

    [Fact]
    public void AWiderToleranceLetsLandFiveKilometresOutsidePass() =>
        Assert.True(GeometryChecks.Check(
            Shapes.Box(104.0, 14.4452, 104.2, 14.4952),
            Shapes.Cambodia,
            new GeometryCheckOptions { CountryToleranceMetres = 10_000 }).IsAccepted);

    [Fact]
    public void RoundsLongDistancesToWholeKilometres()
    {
        // Bangkok, about 200 km west of the hand-drawn border.
        var error = Assert.Single(GeometryChecks.Check(Shapes.Box(100.5, 13.7, 100.51, 13.71), Shapes.Cambodia).Errors);

        Assert.Equal(GeometryRules.OutsideCountry, error.Rule);
        Assert.Matches(@"^The land lies \d+ km outside KH", error.Message);
    }

    [Fact]
    public void ReportsLatitudeAndLongitudeSwappedForCambodiaInsteadOfOutOfRange()
    {
        var swapped = Shapes.Wkt("POLYGON ((12 104, 12 104.01, 12.01 104.01, 12.01 104, 12 104))");

        var error = Assert.Single(GeometryChecks.Check(swapped, Shapes.Cambodia).Errors);

        Assert.Equal(GeometryRules.SwappedCoordinates, error.Rule);
        Assert.StartsWith("Latitude and longitude appear swapped", error.Message);
        Assert.Contains("probably (longitude 104, latitude 12)", error.Message);
    }

    [Fact]
    public void WithoutACountrySwappedCambodiaCoordinatesAreOutOfRange()
    {
        var swapped = Shapes.Wkt("POLYGON ((12 104, 12 104.01, 12.01 104.01, 12.01 104, 12 104))");

        Assert.Equal(GeometryRules.CoordinateRange, Assert.Single(GeometryChecks.Check(swapped).Errors).Rule);
    }

    [Fact]
    public void OutOfRangeCoordinatesThatDoNotFitOnceSwappedStayOutOfRange()
    {
        // Swapped this is in Laos or Vietnam's sea, not in Cambodia.
        var swapped = Shapes.Wkt("POLYGON ((20 104, 20 104.01, 20.01 104.01, 20.01 104, 20 104))");

        Assert.Equal(GeometryRules.CoordinateRange, Assert.Single(GeometryChecks.Check(swapped, Shapes.Cambodia).Errors).Rule);
    }

    [Fact]
    public void ReportsSwappedCoordinatesThatAreInRangeEitherWay()
    {
        // A country between 20 and 30 E, 40 and 50 N: (45 E, 25 N) is in range but only fits when swapped.
        var country = new CountryBoundary("XX", Shapes.Box(20, 40, 30, 50));

        var error = Assert.Single(GeometryChecks.Check(Shapes.Box(44, 24, 44.01, 24.01), country).Errors);

        Assert.Equal(GeometryRules.SwappedCoordinates, error.Rule);
    }

    [Fact]
    public void DoesNotCheckTheCountryOfAnInvalidPolygon()
    {
        var bowtieOutside = Shapes.Wkt("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");

        Assert.Equal(GeometryRules.InvalidGeometry, Assert.Single(GeometryChecks.Check(bowtieOutside, Shapes.Cambodia).Errors).Rule);
    }
}
