namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

/// <summary>Step 7: OGC validity, as PostGIS will judge it (self-intersections, holes outside shells, overlaps).</summary>
internal static class ValidityCheck
{
    public static IEnumerable<GeometryIssue> Check(MultiPolygon geometry)
    {
        var issues = new List<GeometryIssue>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            var error = new IsValidOp(geometry.GetGeometryN(i)).ValidationError;
            if (error is not null)
            {
                issues.Add(Issue($"Polygon {i + 1} is not a valid shape", error));
            }
        }

        // Only when every polygon is sound on its own can an error come from how they meet.
        if (issues.Count == 0 && geometry.NumGeometries > 1 && new IsValidOp(geometry).ValidationError is { } shared)
        {
            issues.Add(Issue("The polygons overlap or share an edge, which a MultiPolygon does not allow", shared));
        }

        return issues;
    }

    private static GeometryIssue Issue(string subject, TopologyValidationError error)
    {
        var at = error.Coordinate;
        return at is null
            ? new(GeometryRules.InvalidGeometry, $"{subject}: {error.Message}.")
            : IssueText.Issue(GeometryRules.InvalidGeometry, $"{subject}: {error.Message} at {IssueText.At(at)}.", at);
    }
}
