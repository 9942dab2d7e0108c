namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>Step 2: every vertex must be a finite WGS 84 longitude/latitude.</summary>
internal static class CoordinateRange
{
    public static GeometryIssue? FindFirstOutOfRange(IReadOnlyList<Polygon> polygons)
    {
        foreach (var (polygon, ring, points) in InputShape.Rings(polygons))
        {
            for (var i = 0; i < points.Count; i++)
            {
                double x = points.GetX(i), y = points.GetY(i);
                string? reason = Reason(x, y);
                if (reason is not null)
                {
                    // No Longitude/Latitude on the issue: the values are not a place, and NaN cannot go into JSON.
                    return new(
                        GeometryRules.CoordinateRange,
                        $"Vertex {i + 1} of {IssueText.RingName(polygon, ring).ToLowerInvariant()} is (longitude {IssueText.Degrees(x)}, latitude {IssueText.Degrees(y)}): {reason}.");
                }
            }
        }

        return null;
    }

    /// <summary>True when exchanging x and y would put every vertex in range: worth testing for swapped input.</summary>
    public static bool IsInRangeOnceSwapped(IReadOnlyList<Polygon> polygons) =>
        InputShape.Rings(polygons).All(r => Enumerable.Range(0, r.Points.Count)
            .All(i => Reason(r.Points.GetY(i), r.Points.GetX(i)) is null));

    private static string? Reason(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return "a coordinate is not a number";
        }

        if (Math.Abs(x) > 180)
        {
            return "longitude must be between -180 and 180";
        }

        return Math.Abs(y) > 90 ? "latitude must be between -90 and 90" : null;
    }
}
