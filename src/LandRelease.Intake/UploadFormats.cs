namespace LandRelease.Intake;

/// <summary>Values of <see cref="FeatureSource.Format"/>.</summary>
public static class UploadFormats
{
    public const string GeoJson = "geojson";
    public const string Shapefile = "shapefile";
    public const string GeoPackage = "geopackage";
    public const string Kml = "kml";
    public const string Csv = "csv";
}
