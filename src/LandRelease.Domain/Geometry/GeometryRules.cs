namespace LandRelease.Domain.Geometry;

/// <summary>Rule names, stable on the wire: ProblemDetails and upload reports quote them.</summary>
public static class GeometryRules
{
    public const string GeometryType = "geometry-type";
    public const string CoordinateRange = "coordinate-range";
    public const string TooFewVertices = "too-few-vertices";
    public const string InvalidGeometry = "invalid-geometry";
    public const string ZeroArea = "zero-area";
    public const string SwappedCoordinates = "swapped-coordinates";
    public const string LooksProjected = "looks-projected";
    public const string LooksGeographic = "looks-geographic";
    public const string OutsideCountry = "outside-country";
    public const string DuplicateVertices = "duplicate-vertices";
    public const string ZmDropped = "z-m-dropped";
    public const string LongEdge = "long-edge";
    public const string Spike = "spike";
}
