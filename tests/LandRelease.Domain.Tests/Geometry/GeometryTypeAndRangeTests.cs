namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class GeometryTypeAndRangeTests
{
    [Fact]
    public void RejectsAMissingGeometry()
    {
        var result = GeometryChecks.Check(null);

        Assert.False(result.IsAccepted);
        Assert.Null(result.Geometry);
        Assert.Equal(GeometryRules.GeometryType, Assert.Single(result.Errors).Rule);
    }

    [Theory]
    [InlineData("POINT (104 12)", "Point")]
    [InlineData("LINESTRING (104 12, 105 12)", "LineString")]
    [InlineData("MULTIPOINT ((104 12), (105 12))", "MultiPoint")]
    [InlineData("GEOMETRYCOLLECTION (POLYGON ((104 12, 105 12, 105 13, 104 12)))", "GeometryCollection")]
    public void RejectsGeometriesThatAreNotAreasNamingTheTypeReceived(string wkt, string type)
    {
        var error = Assert.Single(GeometryChecks.Check(Shapes.Wkt(wkt)).Errors);

        Assert.Equal(GeometryRules.GeometryType, error.Rule);
        Assert.Contains(type, error.Message);
    }

    [Theory]
    [InlineData("POLYGON EMPTY")]
    [InlineData("MULTIPOLYGON EMPTY")]
    public void RejectsAnEmptyGeometry(string wkt)
    {
        var error = Assert.Single(GeometryChecks.Check(Shapes.Wkt(wkt)).Errors);

        Assert.Equal(GeometryRules.GeometryType, error.Rule);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void AcceptsAPolygonAndAMultiPolygon()
    {
        Assert.True(GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01)).IsAccepted);
        Assert.True(GeometryChecks.Check(Shapes.Wkt(
            "MULTIPOLYGON (((104 12, 104.01 12, 104.01 12.01, 104 12)), ((104.1 12, 104.11 12, 104.11 12.01, 104.1 12)))")).IsAccepted);
    }

    [Fact]
    public void RejectsAHugeCoordinateNamingTheVertex()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((104 12, 1e308 12, 104.01 12.01, 104 12))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.CoordinateRange, error.Rule);
        Assert.Equal("Vertex 2 of ring 1 of polygon 1 is (longitude 1E+308, latitude 12): longitude must be between -180 and 180.", error.Message);
        Assert.Null(error.Longitude);
    }

    [Fact]
    public void RejectsANotANumberCoordinate()
    {
        var result = GeometryChecks.Check(Shapes.FromOrdinates(104, 12, 104.01, double.NaN, 104.01, 12.01, 104, 12));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.CoordinateRange, error.Rule);
        Assert.Contains("Vertex 2", error.Message);
        Assert.Contains("not a number", error.Message);
    }

    [Fact]
    public void RejectsALatitudeBeyondNinetyInAHole()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 95, 1 1))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.CoordinateRange, error.Rule);
        Assert.StartsWith("Vertex 3 of ring 2 of polygon 1", error.Message);
        Assert.Contains("latitude must be between -90 and 90", error.Message);
    }

    [Fact]
    public void AcceptsCoordinatesOnTheEdgesOfTheRange()
    {
        Assert.True(GeometryChecks.Check(Shapes.Box(179, 89, 180, 90)).IsAccepted);
        Assert.True(GeometryChecks.Check(Shapes.Box(-180, -90, -179, -89)).IsAccepted);
    }
}
