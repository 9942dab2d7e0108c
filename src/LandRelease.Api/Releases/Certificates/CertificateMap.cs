using System.Globalization;
using System.Text;
using LandRelease.Domain.Coordinates;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>A turning point's label where it was placed: beside its vertex, clear of every other label.</summary>
public sealed record PlacedLabel(string Text, double X, double Y, string Anchor, double VertexX, double VertexY, bool Leader);

/// <summary>
/// The context map of a certificate, laid out in UTM metres of the decision's zone (so shapes are true): the hazardous
/// area's outline, land other decisions released there, this decision's land, its turning points and their labels
/// placed so that no two overlap, a north arrow and a scale bar. Coordinates are SVG user units of a 400 x 300 view.
/// </summary>
public sealed class CertificateMap
{
    public const int Width = 400;
    public const int Height = 300;

    // Plot area: room on the right for the north arrow, below for the scale bar.
    private const double Left = 30, Right = 336, Top = 22, Bottom = 258;

    public required string HazardAreaPath { get; init; }
    public required string OtherReleasedPath { get; init; }
    public required IReadOnlyList<string> ReleasedPaths { get; init; }
    public required IReadOnlyList<(double X, double Y)> Vertices { get; init; }
    public required IReadOnlyList<PlacedLabel> Labels { get; init; }
    public required IReadOnlyList<(string Text, double X, double Y)> RingNames { get; init; }
    public required double ScaleMetres { get; init; }
    public required double ScaleLength { get; init; }
    public required string ZoneLabel { get; init; }
    public bool HasOtherReleased => OtherReleasedPath.Length > 0;

    public static CertificateMap Of(CertificateGrid grid, Geometry hazardArea, IReadOnlyList<MultiPolygon> otherReleased)
    {
        (double E, double N) Project(Coordinate c) => Utm.FromWgs84(c.X, c.Y, grid.Zone, grid.North);
        var extent = hazardArea.Coordinates.Select(Project).Concat(grid.Rings.SelectMany(r => r.Points).Select(p => (p.Easting, p.Northing))).ToList();
        double minE = extent.Min(p => p.Item1), maxE = extent.Max(p => p.Item1);
        double minN = extent.Min(p => p.Item2), maxN = extent.Max(p => p.Item2);
        double spanE = Math.Max(maxE - minE, 1e-3), spanN = Math.Max(maxN - minN, 1e-3);
        var scale = Math.Min((Right - Left) / spanE, (Bottom - Top) / spanN);
        var x0 = Left + ((Right - Left) - spanE * scale) / 2;
        var y0 = Top + ((Bottom - Top) - spanN * scale) / 2;
        (double X, double Y) Map(double e, double n) => (x0 + (e - minE) * scale, y0 + (maxN - n) * scale);
        string PathOf(Geometry g) => Path(g, c => { var (e, n) = Project(c); return Map(e, n); });

        var released = grid.Rings.GroupBy(r => r.Polygon)
            .Select(polygon => string.Join(" ", polygon.Select(ring => Ring(ring.Points.Select(p => Map(p.Easting, p.Northing))))))
            .ToList();
        var exterior = grid.Rings.Where(r => r.IsExterior).ToList();
        var vertices = exterior.SelectMany(r => r.Points.Select(p => Map(p.Easting, p.Northing))).ToList();
        var ringNames = new List<(string, double, double)>();
        foreach (var ring in grid.Rings)
        {
            var mapped = ring.Points.Select(p => Map(p.Easting, p.Northing)).ToList();
            if (!ring.IsExterior || grid.IsMulti)
            {
                ringNames.Add((ring.IsExterior ? $"P{ring.Polygon}" : $"H{ring.Hole}", mapped.Average(p => p.X), mapped.Average(p => p.Y) + 4));
            }
        }

        var metres = RoundLength((Right - Left) / 4 / scale);
        return new CertificateMap
        {
            HazardAreaPath = PathOf(hazardArea),
            OtherReleasedPath = string.Join(" ", otherReleased.Select(PathOf)),
            ReleasedPaths = released,
            Vertices = vertices,
            Labels = LabelPlacer.Place(exterior.Select(r => r.Points.Select(p => (Short(p.Label), Map(p.Easting, p.Northing))).ToList()).ToList(),
                [.. ringNames.Select(n => LabelBox.Of(n.Item2, n.Item3, "middle", n.Item1.Length, 13)), .. Furniture(metres * scale)],
                (0, 0, Width, Height)),
            RingNames = ringNames,
            ScaleMetres = metres,
            ScaleLength = metres * scale,
            ZoneLabel = grid.ZoneLabel,
        };
    }

    /// <summary>Where the north arrow, the scale bar and the grid note are drawn: no label may cover them.</summary>
    private static IEnumerable<LabelBox> Furniture(double scaleLength) =>
    [
        new(350, 18, 390, 100),
        new(Left - 8, 262, Left + scaleLength + 22, 284),
        new(Width - 110, Height - 20, Width, Height),
    ];

    /// <summary>The largest 1, 2 or 5 times a power of ten not above the given length.</summary>
    internal static double RoundLength(double metres)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(metres)));
        var mantissa = metres / power;
        return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
    }

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    // Vertex labels read TP1..TPn on every polygon; the polygon's own label (P1, P2) says which table block they are in.
    private static string Short(string label) => label[(label.LastIndexOf('-') + 1)..];

    private static string Ring(IEnumerable<(double X, double Y)> points) =>
        string.Join(" ", points.Select((p, i) => (i == 0 ? "M" : "L") + F(p.X) + " " + F(p.Y))) + " Z";

    private static string Path(Geometry geometry, Func<Coordinate, (double X, double Y)> map)
    {
        var path = new StringBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    path.Append(Ring(ring.Coordinates.Take(ring.NumPoints - 1).Select(map))).Append(' ');
                }
            }
        }

        return path.ToString().TrimEnd();
    }
}
