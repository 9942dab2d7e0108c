using LandRelease.Intake.Csv;
using LandRelease.Intake.Detection;
using LandRelease.Intake.GeoJson;
using LandRelease.Intake.GeoPackages;
using LandRelease.Intake.Kml;

namespace LandRelease.Intake;

/// <summary>Opens an uploaded file, whatever its format, as a stream of <see cref="SourceFeature"/>s.</summary>
public static class FeatureSources
{
    /// <inheritdoc cref="OpenAsync(Stream, string?, string?, string, IntakeOptions, CancellationToken)"/>
    public static Task<FeatureSource> OpenAsync(Stream body, string? fileName, string? contentType, string tempDirectory, CancellationToken ct = default) =>
        OpenAsync(body, fileName, contentType, tempDirectory, IntakeOptions.Default, ct);

    /// <summary>
    /// Detects the format (magic bytes first: a zip, an SQLite GeoPackage; then '{' for GeoJSON, '&lt;' for KML,
    /// anything else as CSV) and opens it. Zips and GeoPackages need random access, so they are spooled to a private
    /// folder under <paramref name="tempDirectory"/>, deleted when the source is disposed; the text formats are read
    /// straight from <paramref name="body"/>, which must stay open until the source is disposed.
    /// </summary>
    /// <exception cref="UploadFormatException">The file as a whole cannot be read.</exception>
    public static async Task<FeatureSource> OpenAsync(
        Stream body, string? fileName, string? contentType, string tempDirectory, IntakeOptions options, CancellationToken ct = default)
    {
        byte[] prefix = await FormatSniffer.ReadPrefixAsync(body, ct);
        var kind = FormatSniffer.Decide(prefix, fileName, contentType);
        var text = new PrefixedStream(prefix, body);
        var source = kind switch
        {
            SniffedKind.Zip or SniffedKind.GeoPackage => await OpenSpooledAsync(kind, text, fileName, tempDirectory, options, ct),
            SniffedKind.GeoJson => await GeoJsonSource.OpenAsync(text, options, ct),
            SniffedKind.Kml => await KmlSource.OpenAsync(text, null, options, ct),
            _ => await CsvSource.OpenAsync(text, options, ct),
        };
        source.MaxFeatures = options.MaxFeatures;
        return source;
    }

    private static async Task<FeatureSource> OpenSpooledAsync(
        SniffedKind kind, Stream body, string? fileName, string tempDirectory, IntakeOptions options, CancellationToken ct)
    {
        string workspace = Workspace.Create(tempDirectory);
        try
        {
            string path = Path.Combine(workspace, kind == SniffedKind.Zip ? "upload.zip" : "upload.gpkg");
            await Workspace.CopyToFileAsync(body, path, long.MaxValue, FormatSniffer.Describe(fileName), ct);
            var source = kind == SniffedKind.Zip
                ? await ZipUpload.OpenAsync(path, workspace, options, ct)
                : GeoPackageSource.Open(path, options);
            source.OwnWorkspace(workspace);
            return source;
        }
        catch
        {
            Workspace.Delete(workspace);
            throw;
        }
    }
}
