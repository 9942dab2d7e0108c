namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

/// <summary>Coordinates sent in the other kind of system than declared: the hint names the system they are most likely in.</summary>
public sealed class CrsHintsTests
{
    // 103.86°E 13.36°N (near Siem Reap) on WGS 84 / UTM zone 48N, in metres.
    private static NetTopologySuite.Geometries.Geometry SiemReapInUtm48Metres => Shapes.Box(376_700, 1_477_300, 376_900, 1_477_500);

    [Fact]
    public void UtmMetresSentAsDegreesLookProjectedAndNameTheCountrysZone()
    {
        var issue = CrsHints.ProjectedAsDegrees(SiemReapInUtm48Metres, Shapes.Cambodia);

        Assert.NotNull(issue);
        Assert.Equal(GeometryRules.LooksProjected, issue.Rule);
        Assert.Contains("the first vertex reads (376700, 1477300)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("WGS 84 / UTM zone 48N (EPSG:32648)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("crs=EPSG:32648", issue.Message, StringComparison.Ordinal);
        // Located where the land probably is (the approximation is good to a few hundred metres).
        Assert.Equal(103.86, issue.Longitude!.Value, 0.01);
        Assert.Equal(13.36, issue.Latitude!.Value, 0.01);
    }

    [Fact]
    public void MetresThatOnlyTheNeighbouringZonePutsInTheCountryNameThatZone()
    {
        // 102.6°E 12.85°N (Pailin) on UTM zone 47N: in zone 48 the same numbers would lie 100 km east of Cambodia.
        var issue = CrsHints.ProjectedAsDegrees(Shapes.Box(890_600, 1_420_900, 890_800, 1_421_100), Shapes.Cambodia);

        Assert.NotNull(issue);
        Assert.Contains("UTM zone 47N (EPSG:32647)", issue.Message, StringComparison.Ordinal);
        Assert.Equal(102.6, issue.Longitude!.Value, 0.05);
    }

    [Fact]
    public void MetresNoZonePutsInTheCountryStillLookProjectedWithoutALocation()
    {
        // A northing 4,000 km up: metres for sure, but nowhere near Cambodia in any nearby zone.
        var issue = CrsHints.ProjectedAsDegrees(Shapes.Box(500_000, 4_000_000, 500_200, 4_000_200), Shapes.Cambodia);

        Assert.NotNull(issue);
        Assert.Equal(GeometryRules.LooksProjected, issue.Rule);
        Assert.Null(issue.Longitude);
    }

    [Fact]
    public void DegreesAreNotTakenForMetres() =>
        Assert.Null(CrsHints.ProjectedAsDegrees(Shapes.Box(103.86, 13.36, 103.87, 13.37), Shapes.Cambodia));

    [Fact]
    public void DegreesInsideTheCountryDeclaredProjectedLookGeographic()
    {
        var issue = CrsHints.DegreesAsProjected(Shapes.Box(103.8600001, 13.36, 103.87, 13.37), Shapes.Cambodia, "EPSG:32648", 2000);

        Assert.NotNull(issue);
        Assert.Equal(GeometryRules.LooksGeographic, issue.Rule);
        Assert.Contains("(longitude 103.8600001, latitude 13.36)", issue.Message, StringComparison.Ordinal);
        Assert.Contains("declared EPSG:32648", issue.Message, StringComparison.Ordinal);
        Assert.Contains("crs=EPSG:4326", issue.Message, StringComparison.Ordinal);
        Assert.Equal(103.8600001, issue.Longitude);
        Assert.Equal(13.36, issue.Latitude);
    }

    [Fact]
    public void MetresDeclaredProjectedAndDegreesOutsideTheCountryGetNoGeographicHint()
    {
        Assert.Null(CrsHints.DegreesAsProjected(SiemReapInUtm48Metres, Shapes.Cambodia, "EPSG:32648", 2000));
        // Small numbers that are degrees in France, not Cambodia: a projected system's real coordinates near its origin.
        Assert.Null(CrsHints.DegreesAsProjected(Shapes.Box(2.35, 48.85, 2.36, 48.86), Shapes.Cambodia, "EPSG:32648", 2000));
    }
}

/// <summary>Coordinates in messages, as a surveyor reads them.</summary>
public sealed class IssueTextTests
{
    [Theory]
    [InlineData(13.100677999999998, "13.100678")]
    [InlineData(103.12345678, "103.1234568")]
    [InlineData(102.5, "102.5")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(1376969.2314, "1376969.2314")]
    [InlineData(1e12, "1E+12")]
    [InlineData(-3.5e300, "-3.5E+300")]
    public void DegreesAreRoundedToSevenDecimalsAndImpossibleValuesWrittenShort(double value, string expected) =>
        Assert.Equal(expected, IssueText.Degrees(value));

    [Fact]
    public void APlaceIsSpelledOutAsLongitudeAndLatitude() =>
        Assert.Equal("(longitude 103.86, latitude 13.3600001)", IssueText.At(new NetTopologySuite.Geometries.Coordinate(103.86, 13.36000006)));
}
