namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class RingShapeTests
{
    [Fact]
    public void RejectsARingWithOnlyTwoDistinctVertices()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((104 12, 104.01 12, 104.01 12, 104 12))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.TooFewVertices, error.Rule);
        Assert.Equal("Ring 1 of polygon 1 (its outer boundary) has only 2 distinct vertices; a ring needs at least 3.", error.Message);
        Assert.Equal(104, error.Longitude);
        Assert.Equal(12, error.Latitude);
    }

    [Fact]
    public void NamesTheSecondPolygonOfAMultiPolygonWhenItHasTooFewVertices()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "MULTIPOLYGON (((104 12, 104.01 12, 104.01 12.01, 104 12)), ((105 12, 105.01 12, 105 12, 105.01 12, 105 12)))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.TooFewVertices, error.Rule);
        Assert.StartsWith("Ring 1 of polygon 2 (its outer boundary) has only 2 distinct vertices", error.Message);
    }

    [Fact]
    public void NamesAHoleWithTooFewVertices()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.1 12, 104.1 12.1, 104 12.1, 104 12), (104.02 12.02, 104.03 12.02, 104.03 12.02, 104.02 12.02))"));

        Assert.StartsWith("Ring 2 of polygon 1 (hole 1) has only 2", Shapes.Single(result.Errors, GeometryRules.TooFewVertices).Message);
    }

    [Fact]
    public void ReportsCollinearVerticesAsZeroAreaRatherThanSelfIntersection()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((103.1 13.1, 103.2 13.2, 103.3 13.3, 103.1 13.1))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.ZeroArea, error.Rule);
        Assert.StartsWith("Ring 1 of polygon 1 (its outer boundary) encloses no area", error.Message);
    }

    [Fact]
    public void ReportsARingThatRetracesItsPathAsZeroArea() =>
        Assert.Equal(
            GeometryRules.ZeroArea,
            Assert.Single(GeometryChecks.Check(Shapes.Wkt("POLYGON ((104 12, 104.01 12, 104.01 12.01, 104.01 12, 104 12))")).Errors).Rule);

    [Fact]
    public void ReportsAHoleFillingItsWholePolygonAsZeroArea()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.01 12, 104.01 12.01, 104 12.01, 104 12), (104 12, 104 12.01, 104.01 12.01, 104.01 12, 104 12))"));

        Assert.StartsWith("Polygon 1 encloses no area", Shapes.Single(result.Errors, GeometryRules.ZeroArea).Message);
    }

    [Fact]
    public void ReportsAFlatOuterBoundaryWithHolesAsZeroArea()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.01 12.01, 104.02 12.02, 104 12), (104 12, 104.001 12, 104.001 12.001, 104 12), "
            + "(104.01 12, 104.011 12, 104.011 12.001, 104.01 12))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.ZeroArea, error.Rule);
        Assert.StartsWith("Ring 1 of polygon 1 (its outer boundary)", error.Message);
    }

    [Fact]
    public void AcceptsAPolygonOfOneSquareMetre()
    {
        // 1 m is about 0.000009° of latitude: small, but land all the same.
        var result = GeometryChecks.Check(Shapes.Box(104, 12, 104.0000092, 12.000009));

        Assert.True(result.IsAccepted, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void RejectsSelfIntersectingPolygonWithItsLocation()
    {
        var bowtie = Shapes.Wkt("POLYGON ((103 12, 104 13, 104 12, 103 13, 103 12))");

        var error = Assert.Single(GeometryChecks.Check(bowtie).Errors);

        Assert.Equal(GeometryRules.InvalidGeometry, error.Rule);
        Assert.Equal("Polygon 1 is not a valid shape: Self-intersection at (longitude 103.5, latitude 12.5).", error.Message);
        Assert.Equal(103.5, error.Longitude!.Value, 1e-9);
        Assert.Equal(12.5, error.Latitude!.Value, 1e-9);
    }

    [Fact]
    public void NamesTheSecondPolygonOfAMultiPolygonWhenItIsInvalid()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "MULTIPOLYGON (((104 12, 104.01 12, 104.01 12.01, 104 12)), ((103 12, 103.2 12.2, 103.2 12, 103 12.2, 103 12)))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.InvalidGeometry, error.Rule);
        Assert.StartsWith("Polygon 2 is not a valid shape: Self-intersection", error.Message);
    }

    [Fact]
    public void RejectsAHoleOutsideItsPolygon()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.1 12, 104.1 12.1, 104 12.1, 104 12), (105 12, 105.01 12, 105.01 12.01, 105 12))"));

        Assert.Contains("Hole lies outside shell", Shapes.Single(result.Errors, GeometryRules.InvalidGeometry).Message);
    }

    [Fact]
    public void RejectsOverlappingPolygonsInAMultiPolygon()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "MULTIPOLYGON (((104 12, 104.1 12, 104.1 12.1, 104 12.1, 104 12)), ((104.05 12.05, 104.15 12.05, 104.15 12.15, 104.05 12.15, 104.05 12.05)))"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(GeometryRules.InvalidGeometry, error.Rule);
        Assert.StartsWith("The polygons overlap", error.Message);
        Assert.NotNull(error.Longitude);
    }

    [Fact]
    public void AcceptsAPolygonWithAHoleInside()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.01 12, 104.01 12.01, 104 12.01, 104 12), (104.002 12.002, 104.003 12.002, 104.003 12.003, 104.002 12.002))"));

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Warnings);
    }
}
