namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

/// <summary>Steps 5 and 6: each ring must enclose something before its validity means anything.</summary>
internal static class RingShapeChecks
{
    // A ring is "zero area" when it is on average thinner than about 0.2 mm (area <= 1e-9° x perimeter).
    // Exact zero is useless: decimal coordinates such as 103.1 are not exact in binary, so three
    // collinear vertices give a shoelace area of about 1e-14 deg². Yet 1 m² of real land (8e-11 deg²,
    // perimeter 4e-5°) stays far above the bound.
    private const double ZeroAreaWidthDegrees = 1e-9;

    private static readonly GeometryFactory Planar = new();

    public static IEnumerable<GeometryIssue> TooFewVertices(IEnumerable<Ring> rings)
    {
        foreach (var ring in rings)
        {
            int distinct = ring.Points.Select(p => (p.X, p.Y)).Distinct().Count();
            if (distinct >= 3)
            {
                continue;
            }

            string has = distinct == 0 ? "has no vertices" : $"has only {IssueText.Count(distinct, "distinct vertex", "distinct vertices")}";
            yield return IssueText.Issue(
                GeometryRules.TooFewVertices,
                $"{ring.Name} ({ring.Role}) {has}; a ring needs at least 3.",
                ring.Points.FirstOrDefault());
        }
    }

    public static IEnumerable<GeometryIssue> ZeroArea(IReadOnlyList<Ring> rings)
    {
        var flat = rings.Where(IsZeroArea).ToList();
        foreach (var ring in flat)
        {
            yield return IssueText.Issue(
                GeometryRules.ZeroArea,
                $"{ring.Name} ({ring.Role}) encloses no area: its vertices lie on a line or retrace the same path.",
                ring.Points[0]);
        }

        // Holes can only cancel a polygon's area once every ring encloses some.
        if (flat.Count > 0)
        {
            yield break;
        }

        foreach (var polygon in rings.GroupBy(r => r.Polygon).Where(g => g.Count() > 1))
        {
            var shell = polygon.Single(r => r.IsShell);
            double net = polygon.Sum(r => (r.IsShell ? 1 : -1) * Math.Abs(Area.OfRing(r.Points)));
            if (Math.Abs(net) <= ZeroAreaWidthDegrees * polygon.Sum(r => Perimeter(r.Points)))
            {
                yield return IssueText.Issue(
                    GeometryRules.ZeroArea,
                    $"Polygon {polygon.Key + 1} encloses no area: its holes cover the whole of its outer boundary.",
                    shell.Points[0]);
            }
        }
    }

    private static bool IsZeroArea(Ring ring)
    {
        double tolerance = ZeroAreaWidthDegrees * Perimeter(ring.Points);
        if (Math.Abs(Area.OfRing(ring.Points)) > tolerance)
        {
            return false;
        }

        // A signed area of ~0 may also be a symmetric bowtie, whose lobes cancel. Noding the ring and
        // rebuilding its faces separates the two: a bowtie has faces with area, a flat ring has none, and
        // the bowtie is left for the validity check to report as a self-intersection. The robust union
        // (snapping fallbacks) is used because this input is degenerate by construction.
        var polygonizer = new Polygonizer();
        polygonizer.Add(OverlayNGRobust.Union(Planar.CreateLineString(ring.Points)));
        return polygonizer.GetPolygons().Sum(face => face.Area) <= tolerance;
    }

    private static double Perimeter(Coordinate[] points) =>
        Enumerable.Range(1, Math.Max(points.Length - 1, 0)).Sum(i => points[i - 1].Distance(points[i]));
}
