namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>
/// Steps 3 and 4, the fixes: land is recorded in 2D, so heights and measures are dropped; repeated
/// consecutive vertices (a GPS logging the same fix twice) are removed. Both are reported as warnings.
/// </summary>
internal static class VertexCleanup
{
    public static List<Ring> ToCleanRings(IReadOnlyList<Polygon> polygons, List<GeometryIssue> warnings)
    {
        var rings = new List<Ring>();
        int withZ = 0, withM = 0, duplicates = 0;
        (Coordinate Point, string Ring)? firstDuplicate = null;

        foreach (var (polygon, index, points) in InputShape.Rings(polygons))
        {
            var clean = new List<Coordinate>(points.Count);
            for (var i = 0; i < points.Count; i++)
            {
                withZ += double.IsNaN(points.GetZ(i)) ? 0 : 1;
                withM += double.IsNaN(points.GetM(i)) ? 0 : 1;
                var point = new Coordinate(points.GetX(i), points.GetY(i));
                if (clean.Count > 0 && clean[^1].Equals2D(point))
                {
                    duplicates++;
                    firstDuplicate ??= (point, IssueText.RingName(polygon, index).ToLowerInvariant());
                    continue;
                }

                clean.Add(point);
            }

            rings.Add(new Ring(polygon, index, [.. clean]));
        }

        if (withZ + withM > 0)
        {
            warnings.Add(new(GeometryRules.ZmDropped, ZmMessage(withZ, withM)));
        }

        if (firstDuplicate is { } first)
        {
            warnings.Add(IssueText.Issue(
                GeometryRules.DuplicateVertices,
                $"Removed {IssueText.Count(duplicates, "repeated vertex", "repeated vertices")} (the same point twice in a row); "
                + $"the first was in {first.Ring} at {IssueText.At(first.Point)}.",
                first.Point));
        }

        return rings;
    }

    private static string ZmMessage(int withZ, int withM)
    {
        var parts = new List<string>();
        if (withZ > 0)
        {
            parts.Add($"heights (Z) on {IssueText.Count(withZ, "vertex", "vertices")}");
        }

        if (withM > 0)
        {
            parts.Add($"measures (M) on {IssueText.Count(withM, "vertex", "vertices")}");
        }

        return $"Dropped {string.Join(" and ", parts)}; hazardous land is recorded in 2D.";
    }
}
