using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Common;

/// <summary>
/// What every format checks before handing a geometry on: a type the register can hold, and numbers that are
/// numbers. Range (±180/±90, the country) is not checked here: it depends on the CRS, which is decided later.
/// </summary>
internal static class GeometryProblems
{
    public static string? Find(Geometry? geometry)
    {
        if (geometry is null)
        {
            return "The feature has no geometry (null).";
        }

        if (geometry is not (Polygon or MultiPolygon or Point))
        {
            return UnsupportedType(geometry.GeometryType);
        }

        var coordinates = geometry.Coordinates;
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (!double.IsFinite(coordinates[i].X) || !double.IsFinite(coordinates[i].Y))
            {
                return $"Vertex {i + 1} is not a finite number ({Text.Number(coordinates[i].X)} {Text.Number(coordinates[i].Y)}).";
            }
        }

        return null;
    }

    public static string UnsupportedType(string type) =>
        $"The geometry is a {type}; land is described by a Polygon or MultiPolygon (a reference point by a Point).";

    /// <summary>A shapefile polygon is always multi; a single part reads more naturally as the Polygon it is.</summary>
    public static Geometry Simplest(Geometry geometry) =>
        geometry is MultiPolygon { NumGeometries: 1 } multi ? multi.GetGeometryN(0) : geometry;
}
