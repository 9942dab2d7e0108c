namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>Step 1: only areas (Polygon, MultiPolygon) can describe hazardous or released land.</summary>
internal static class InputShape
{
    public static GeometryIssue? TryGetPolygons(Geometry? input, out Polygon[] polygons)
    {
        polygons = [];
        switch (input)
        {
            case null:
                return new(GeometryRules.GeometryType, "No geometry was given; expected a Polygon or MultiPolygon.");
            case Polygon or MultiPolygon when input.IsEmpty:
                return new(GeometryRules.GeometryType, $"The {input.GeometryType} is empty; it has no vertices.");
            case Polygon polygon:
                polygons = [polygon];
                return null;
            case MultiPolygon multi:
                polygons = [.. multi.Geometries.Cast<Polygon>()];
                return null;
            default:
                return new(
                    GeometryRules.GeometryType,
                    $"Expected a Polygon or MultiPolygon but received a {input.GeometryType}; land must be described as an area.");
        }
    }

    /// <summary>Every ring with its 0-based polygon and ring index (0 is the outer boundary).</summary>
    public static IEnumerable<(int Polygon, int Ring, CoordinateSequence Points)> Rings(IReadOnlyList<Polygon> polygons)
    {
        for (var p = 0; p < polygons.Count; p++)
        {
            yield return (p, 0, polygons[p].ExteriorRing.CoordinateSequence);
            for (var h = 0; h < polygons[p].NumInteriorRings; h++)
            {
                yield return (p, h + 1, polygons[p].GetInteriorRingN(h).CoordinateSequence);
            }
        }
    }
}
