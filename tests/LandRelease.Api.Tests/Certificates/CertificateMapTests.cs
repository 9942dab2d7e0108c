using System.Globalization;
using System.Text.RegularExpressions;
using LandRelease.Api.Releases.Certificates;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>The context map and the grid behind it, without a database: shapes, zones, labels and the scale bar.</summary>
public sealed class CertificateMapTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static MultiPolygon Square(double lon, double lat, double size, params LinearRing[] holes) =>
        Wgs84.CreateMultiPolygon([Wgs84.CreatePolygon(Ring((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)), holes)]);

    private static LinearRing Ring(params (double Lon, double Lat)[] points) =>
        Wgs84.CreateLinearRing([.. points.Append(points[0]).Select(p => new Coordinate(p.Lon, p.Lat))]);

    private static CertificateMap MapOf(MultiPolygon land, Geometry? area = null) =>
        CertificateMap.Of(CertificateGrid.Of(land), area ?? land, []);

    private static List<(double X, double Y)> PathPoints(string path) =>
        [.. Regex.Matches(path, @"([\d.]+) ([\d.]+)")
            .Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];

    [Fact]
    public void TheShapeIsDrawnInMetresNotDegrees()
    {
        // At 60°N a degree of longitude is half a degree of latitude: a lon/lat "square" is twice as tall as wide.
        // Centred on zone 32's central meridian (9°E), where grid north is true north and nothing rotates the shape.
        var map = MapOf(Square(8.995, 60.0, 0.01));

        var xy = PathPoints(Assert.Single(map.ReleasedPaths));
        var ratio = (xy.Max(p => p.X) - xy.Min(p => p.X)) / (xy.Max(p => p.Y) - xy.Min(p => p.Y));
        Assert.InRange(ratio, 0.49, 0.51);
        Assert.Equal("32N", map.ZoneLabel);
    }

    [Fact]
    public void TheHazardousAreaFramesTheMapAndTheReleasedLandSitsInsideIt()
    {
        var land = Square(103.861, 13.361, 0.001);
        var map = MapOf(land, Square(103.86, 13.36, 0.004));

        var area = PathPoints(map.HazardAreaPath);
        var released = PathPoints(Assert.Single(map.ReleasedPaths));
        Assert.True(area.Max(p => p.X) - area.Min(p => p.X) > 3.5 * (released.Max(p => p.X) - released.Min(p => p.X)));
        Assert.All(released, p => Assert.InRange(p.X, area.Min(q => q.X), area.Max(q => q.X)));
    }

    [Fact]
    public void HolesAreCutOutAndOnlyTheBoundaryIsLabelled()
    {
        var hole = Ring((103.8605, 13.3605), (103.8605, 13.3615), (103.8615, 13.3615), (103.8615, 13.3605));

        var map = MapOf(Square(103.86, 13.36, 0.002, hole));

        Assert.Equal(2, Regex.Count(Assert.Single(map.ReleasedPaths), "Z"));
        Assert.Equal(["TP1", "TP2", "TP3", "TP4"], map.Labels.Select(l => l.Text));
        Assert.Contains(map.RingNames, n => n.Text == "H1");
    }

    [Theory]
    [InlineData(0.0004, 24, true)]
    [InlineData(0.0004, 60, false)]
    [InlineData(0.00005, 40, false)]
    public void NoTwoTurningPointLabelsOverlapAndARoomyRingHasEveryPointLabelled(double radiusDegrees, int points, bool allFit)
    {
        var ring = Enumerable.Range(0, points)
            .Select(i => (103.86 + radiusDegrees * Math.Cos(i * 2 * Math.PI / points), 13.36 + radiusDegrees * Math.Sin(i * 2 * Math.PI / points))).ToArray();
        var land = Wgs84.CreateMultiPolygon([Wgs84.CreatePolygon(Ring(ring))]);

        var map = MapOf(land, Square(103.8595, 13.3595, 0.001));

        var boxes = map.Labels.Select(l => LabelBox.Of(l.X, l.Y, l.Anchor, l.Text.Length, 11)).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"{map.Labels[i].Text} overlaps {map.Labels[j].Text}");
            }
        }

        Assert.True(map.Labels.Count > points / 3, $"only {map.Labels.Count} of {points} labelled");
        if (allFit)
        {
            Assert.Equal(points, map.Labels.Count);
        }
    }

    [Fact]
    public void APolygonAcrossAZoneEdgeIsTabulatedInTheZoneOfItsCentroid()
    {
        // 102°E divides zones 47 and 48; the centroid (102.004) is in 48, so the western corners are too.
        var grid = CertificateGrid.Of(Square(101.998, 13.5, 0.012));

        Assert.Equal("48N", grid.ZoneLabel);
        Assert.Equal(32648, grid.Epsg);
        var ring = Assert.Single(grid.Rings);
        Assert.All(ring.Points, p => Assert.InRange(p.Easting, 170_000, 180_000));
        Assert.Equal(["TP1", "TP2", "TP3", "TP4"], ring.Points.Select(p => p.Label));
    }

    [Theory]
    [InlineData(77.0, 50.0)]
    [InlineData(180.0, 100.0)]
    [InlineData(1999.0, 1000.0)]
    [InlineData(2000.0, 2000.0)]
    [InlineData(0.34, 0.2)]
    public void TheScaleBarIsOneTwoOrFiveTimesAPowerOfTen(double metres, double expected) =>
        Assert.Equal(expected, CertificateMap.RoundLength(metres), 1e-9);
}
