using System.Globalization;
using System.Text.RegularExpressions;
using LandRelease.Api.Releases.Certificates;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>The map and the grid behind it, without a database: shapes, zones and the scale bar.</summary>
public sealed class PolygonSvgTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static MultiPolygon Square(double lon, double lat, double size, params LinearRing[] holes) =>
        Wgs84.CreateMultiPolygon([Wgs84.CreatePolygon(Ring((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size)), holes)]);

    private static LinearRing Ring(params (double Lon, double Lat)[] points) =>
        Wgs84.CreateLinearRing([.. points.Append(points[0]).Select(p => new Coordinate(p.Lon, p.Lat))]);

    [Fact]
    public void TheShapeIsDrawnInMetresNotDegrees()
    {
        // At 60°N a degree of longitude is half a degree of latitude: a lon/lat "square" is twice as tall as wide.
        // Centred on zone 32's central meridian (9°E), where grid north is true north and nothing rotates the shape.
        var svg = PolygonSvg.Render(CertificateGrid.Of(Square(8.995, 60.0, 0.01)));

        var path = Regex.Match(svg, "<path class=\"released\" fill-rule=\"evenodd\" d=\"([^\"]+)\"").Groups[1].Value;
        var xy = Regex.Matches(path, @"([\d.]+) ([\d.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var ratio = (xy.Max(p => p.X) - xy.Min(p => p.X)) / (xy.Max(p => p.Y) - xy.Min(p => p.Y));
        Assert.InRange(ratio, 0.49, 0.51);
        Assert.Contains("UTM 32N", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void HolesAreCutOutAndOnlyTheBoundaryIsLabelled()
    {
        var hole = Ring((103.8605, 13.3605), (103.8605, 13.3615), (103.8615, 13.3615), (103.8615, 13.3605));

        var svg = PolygonSvg.Render(CertificateGrid.Of(Square(103.86, 13.36, 0.002, hole)));

        Assert.Equal(1, Regex.Count(svg, "<path class=\"released\" fill-rule=\"evenodd\""));
        Assert.Equal(2, Regex.Count(svg, " Z "));
        Assert.Equal(["TP1", "TP2", "TP3", "TP4"], Regex.Matches(svg, "<text class=\"tp\"[^>]*>([^<]+)</text>").Select(m => m.Groups[1].Value));
        Assert.Contains(">H1</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">N</text>", svg, StringComparison.Ordinal);
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
        Assert.Equal(expected, PolygonSvg.RoundLength(metres), 1e-9);
}
