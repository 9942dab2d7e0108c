namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>
/// Step 9: shapes that are valid but usually mean a recording error (DOMAIN.md, common upload defects):
/// a vertex mistyped or missing makes a long edge; a GPS jump out and back makes a spike.
/// </summary>
internal static class EdgeWarnings
{
    private const double SpikeAngleDegrees = 1;

    // Below this, an edge is GPS jitter rather than a boundary someone walked; a sharp angle there means nothing.
    private const double SpikeMinEdgeMetres = 1;

    // One upload can hold thousands of spikes; past this many the officer needs the count, not the list.
    private const int MaxSpikesListed = 10;

    public static GeometryIssue? LongEdges(IEnumerable<Ring> rings, double thresholdMetres)
    {
        var edges = rings
            .SelectMany(r => r.Edges().Select(e => (Ring: r, e.From, Metres: Geodesy.DistanceMetres(e.From.X, e.From.Y, e.To.X, e.To.Y))))
            .Where(e => e.Metres > thresholdMetres)
            .ToList();
        if (edges.Count == 0)
        {
            return null;
        }

        var longest = edges.MaxBy(e => e.Metres);
        string count = IssueText.Count(edges.Count, "edge is", "edges are");
        return IssueText.Issue(
            GeometryRules.LongEdge,
            $"{count} longer than {IssueText.Kilometres(thresholdMetres)}; the longest, {IssueText.Kilometres(longest.Metres)}, "
            + $"is in {longest.Ring.Name.ToLowerInvariant()} from {IssueText.At(longest.From)}. Check for a missing or mistyped vertex.",
            longest.From);
    }

    public static IEnumerable<GeometryIssue> Spikes(IEnumerable<Ring> rings)
    {
        var spikes = rings.SelectMany(r => SpikesIn(r).Select(s => (Ring: r, s.Point, s.Degrees))).ToList();
        foreach (var (ring, point, degrees) in spikes.Take(MaxSpikesListed))
        {
            yield return IssueText.Issue(
                GeometryRules.Spike,
                $"{ring.Name} has a spike at {IssueText.At(point)}: the boundary turns back on itself at an angle of "
                + $"{degrees:0.00}°. Check this vertex.",
                point);
        }

        if (spikes.Count > MaxSpikesListed)
        {
            yield return new(GeometryRules.Spike, $"{spikes.Count - MaxSpikesListed} more spikes were found and not listed.");
        }
    }

    private static IEnumerable<(Coordinate Point, double Degrees)> SpikesIn(Ring ring)
    {
        int n = ring.VertexCount;
        for (var i = 0; i < n; i++)
        {
            var vertex = ring.Points[i];
            var before = ring.Points[(i + n - 1) % n];
            var after = ring.Points[i + 1];
            if (Metres(vertex, before) < SpikeMinEdgeMetres || Metres(vertex, after) < SpikeMinEdgeMetres)
            {
                continue;
            }

            double degrees = AngleDegrees(vertex, before, after);
            if (degrees < SpikeAngleDegrees)
            {
                yield return (vertex, degrees);
            }
        }
    }

    /// <summary>The angle at <paramref name="vertex"/> between its two edges, in a local projection where a degree of longitude is cos(latitude) shorter.</summary>
    private static double AngleDegrees(Coordinate vertex, Coordinate before, Coordinate after)
    {
        double scale = Math.Cos(vertex.Y * Math.PI / 180);
        double x1 = (before.X - vertex.X) * scale, y1 = before.Y - vertex.Y;
        double x2 = (after.X - vertex.X) * scale, y2 = after.Y - vertex.Y;
        return Math.Abs(Math.Atan2(x1 * y2 - y1 * x2, x1 * x2 + y1 * y2)) * 180 / Math.PI;
    }

    private static double Metres(Coordinate a, Coordinate b) => Geodesy.DistanceMetres(a.X, a.Y, b.X, b.Y);
}
