namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

/// <summary>Test geometries, written as WKT (x = longitude, y = latitude) so each test shows its shape.</summary>
internal static class Shapes
{
    // Hand-drawn and rough on purpose: the checks must work with any boundary, not only Natural Earth's.
    public const string CambodiaWkt =
        "POLYGON ((102.3 13.0, 102.5 11.6, 103.1 10.9, 104.4 10.4, 105.0 10.9, 106.2 10.8, 106.6 12.3, 107.6 12.8, "
        + "107.5 14.5, 106.0 14.4, 105.2 14.3, 104.8 14.4, 103.7 14.4, 102.9 14.2, 102.3 13.0))";

    public static CountryBoundary Cambodia { get; } = new("KH", Wkt(CambodiaWkt));

    public static NetTopologySuite.Geometries.Geometry Wkt(string wkt) => new WKTReader().Read(wkt);

    /// <summary>A counter-clockwise box, as RFC 7946 wants exterior rings.</summary>
    public static string BoxWkt(double west, double south, double east, double north) =>
        $"POLYGON (({west} {south}, {east} {south}, {east} {north}, {west} {north}, {west} {south}))";

    public static NetTopologySuite.Geometries.Geometry Box(double west, double south, double east, double north) =>
        Wkt(BoxWkt(west, south, east, north));

    /// <summary>A polygon from raw ordinates, for values WKT cannot carry (NaN).</summary>
    public static Polygon FromOrdinates(params double[] xy)
    {
        var points = Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[2 * i + 1])).ToArray();
        return new GeometryFactory().CreatePolygon(points);
    }

    public static GeometryIssue Single(IReadOnlyList<GeometryIssue> issues, string rule) =>
        Assert.Single(issues, i => i.Rule == rule);
}
