namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

public sealed class OutputTests
{
    [Fact]
    public void APolygonIsReturnedAsAMultiPolygonInWgs84()
    {
        var result = GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01));

        var geometry = Assert.IsType<MultiPolygon>(result.Geometry);
        Assert.Equal(4326, geometry.SRID);
        Assert.Equal(1, geometry.NumGeometries);
    }

    [Fact]
    public void AClockwiseShellAndACounterClockwiseHoleAreTurnedToRfc7946Orientation()
    {
        var input = Shapes.Wkt(
            "POLYGON ((104 12, 104 12.1, 104.1 12.1, 104.1 12, 104 12), (104.02 12.02, 104.03 12.02, 104.03 12.03, 104.02 12.02))");
        var inputPolygon = (Polygon)input;
        Assert.False(Orientation.IsCCW(inputPolygon.ExteriorRing.CoordinateSequence));
        Assert.True(Orientation.IsCCW(inputPolygon.GetInteriorRingN(0).CoordinateSequence));

        var polygon = (Polygon)GeometryChecks.Check(input).Geometry!.GetGeometryN(0);

        Assert.True(Orientation.IsCCW(polygon.ExteriorRing.CoordinateSequence));
        Assert.False(Orientation.IsCCW(polygon.GetInteriorRingN(0).CoordinateSequence));
        Assert.True(polygon.EqualsTopologically(input));
    }

    [Fact]
    public void RingsAlreadyInRfc7946OrientationAreKeptAsGiven()
    {
        var input = Shapes.Wkt(
            "POLYGON ((104 12, 104.1 12, 104.1 12.1, 104 12.1, 104 12), (104.02 12.02, 104.02 12.03, 104.03 12.03, 104.02 12.02))");

        var output = GeometryChecks.Check(input).Geometry!;

        Assert.Equal(input.Coordinates, output.Coordinates);
    }

    [Fact]
    public void CoordinatesAreKeptExactlyAsGiven()
    {
        var input = Shapes.Wkt(
            "POLYGON ((104.123456789012345 12.987654321098765, 104.2 12.9, 104.2 13.0, 104.123456789012345 12.987654321098765))");

        var output = GeometryChecks.Check(input).Geometry!;

        Assert.Equal(input.Coordinates.Select(c => (c.X, c.Y)), output.Coordinates.Select(c => (c.X, c.Y)));
    }

    [Fact]
    public void EachPolygonOfAMultiPolygonIsOriented()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "MULTIPOLYGON (((104 12, 104 12.01, 104.01 12.01, 104 12)), ((105 12, 105.01 12, 105.01 12.01, 105 12)))"));

        var geometry = result.Geometry!;
        Assert.Equal(2, geometry.NumGeometries);
        Assert.All(geometry.Geometries, g => Assert.True(Orientation.IsCCW(((Polygon)g).ExteriorRing.CoordinateSequence)));
    }

    [Fact]
    public void ARejectedGeometryHasNoOutput()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((103 12, 104 13, 104 12, 103 13, 103 12))"));

        Assert.False(result.IsAccepted);
        Assert.Null(result.Geometry);
    }
}
