namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class VertexFixTests
{
    [Fact]
    public void DropsHeightsAndSaysSo()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON Z ((104 12 10, 104.01 12 11, 104.01 12.01 12, 104 12.01 13, 104 12 10))"));

        Assert.True(result.IsAccepted);
        var warning = Shapes.Single(result.Warnings, GeometryRules.ZmDropped);
        Assert.Contains("heights (Z) on 5 vertices", warning.Message);
        Assert.All(result.Geometry!.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        var ring = ((NetTopologySuite.Geometries.Polygon)result.Geometry.GetGeometryN(0)).ExteriorRing.CoordinateSequence;
        Assert.False(ring.HasZ);
        Assert.False(ring.HasM);
    }

    [Fact]
    public void DropsMeasuresAndSaysSo()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON M ((104 12 1, 104.01 12 2, 104.01 12.01 3, 104 12.01 4, 104 12 1))"));

        Assert.True(result.IsAccepted);
        Assert.Contains("measures (M)", Shapes.Single(result.Warnings, GeometryRules.ZmDropped).Message);
        Assert.All(result.Geometry!.Coordinates, c => Assert.True(double.IsNaN(c.M)));
    }

    [Fact]
    public void TwoDimensionalInputHasNoZmWarning() =>
        Assert.DoesNotContain(
            GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01)).Warnings,
            w => w.Rule == GeometryRules.ZmDropped);

    [Fact]
    public void RemovesRepeatedVerticesWithTheCountAndTheFirstLocation()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((104 12, 104.01 12, 104.01 12, 104.01 12, 104.01 12.01, 104 12.01, 104 12.01, 104 12))"));

        Assert.True(result.IsAccepted);
        var warning = Shapes.Single(result.Warnings, GeometryRules.DuplicateVertices);
        Assert.StartsWith("Removed 3 repeated vertices", warning.Message);
        Assert.Contains("ring 1 of polygon 1", warning.Message);
        Assert.Equal(104.01, warning.Longitude);
        Assert.Equal(12, warning.Latitude);
        Assert.Equal(5, result.Geometry!.NumPoints);
    }

    [Fact]
    public void ARepeatedClosingVertexIsRemovedAndTheRingStaysClosed()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((104 12, 104.01 12, 104.01 12.01, 104 12, 104 12))"));

        Assert.True(result.IsAccepted);
        Assert.StartsWith("Removed 1 repeated vertex", Shapes.Single(result.Warnings, GeometryRules.DuplicateVertices).Message);
        Assert.Equal(4, result.Geometry!.NumPoints);
    }

    [Fact]
    public void VerticesThatRepeatOnlyInHeightAreStillDuplicates()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON Z ((104 12 1, 104.01 12 1, 104.01 12 2, 104.01 12.01 1, 104 12 1))"));

        Assert.True(result.IsAccepted);
        Assert.StartsWith("Removed 1 repeated vertex", Shapes.Single(result.Warnings, GeometryRules.DuplicateVertices).Message);
    }

    [Fact]
    public void ACleanPolygonHasNoDuplicateWarning() =>
        Assert.Empty(GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01)).Warnings);
}
