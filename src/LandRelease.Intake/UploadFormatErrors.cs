namespace LandRelease.Intake;

/// <summary>Codes of <see cref="UploadFormatException"/>, stable on the wire (ProblemDetails quote them).</summary>
public static class UploadFormatErrors
{
    public const string EmptyFile = "empty-file";
    public const string UnknownFormat = "unknown-format";
    public const string InvalidJson = "invalid-json";
    public const string NotAFeatureCollection = "not-a-feature-collection";
    public const string CorruptZip = "corrupt-zip";
    public const string ZipWithoutData = "zip-without-data";
    public const string IncompleteShapefile = "incomplete-shapefile";
    public const string CorruptShapefile = "corrupt-shapefile";
    public const string UnsupportedShapeType = "unsupported-shape-type";
    public const string InvalidGeoPackage = "invalid-geopackage";
    public const string InvalidKml = "invalid-kml";
    public const string InvalidCsv = "invalid-csv";
    public const string NoGeometryColumn = "no-geometry-column";
    public const string FeatureTooLarge = "feature-too-large";
    public const string TooLarge = "too-large";
    public const string LayerNotFound = "layer-not-found";
    public const string TooManyFeatures = "too-many-features";
    public const string CrsTooLong = "crs-too-long";
    public const string LineTooLong = "line-too-long";
    public const string NestedTooDeep = "nested-too-deep";
    public const string GeoPackageView = "geopackage-view";
}
