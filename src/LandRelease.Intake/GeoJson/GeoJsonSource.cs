using System.Runtime.CompilerServices;

namespace LandRelease.Intake.GeoJson;

/// <summary>A GeoJSON FeatureCollection (or a bare Feature), read forward-only from the upload stream.</summary>
internal sealed class GeoJsonSource : FeatureSource
{
    private readonly GeoJsonScanner _scanner;
    private readonly ScanEvent _pending;

    private GeoJsonSource(GeoJsonScanner scanner, ScanEvent pending)
    {
        _scanner = scanner;
        _pending = pending;
        DeclaredCrs = scanner.Crs ?? LegacyCrs.Wgs84;
    }

    public override string Format => UploadFormats.GeoJson;

    /// <summary>Reads up to the start of "features" (or the whole of a bare Feature) to learn the type and CRS.</summary>
    public static async Task<FeatureSource> OpenAsync(Stream body, IntakeOptions options, CancellationToken ct)
    {
        var scanner = new GeoJsonScanner(body, options.MaxFeatureBytes);
        var first = await scanner.NextAsync(ct);
        return new GeoJsonSource(scanner, first);
    }

    protected override async IAsyncEnumerable<SourceFeature> ReadFeaturesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var next = _pending;
        while (true)
        {
            switch (next)
            {
                case ScanEvent.Feature:
                    yield return GeoJsonFeatureReader.Read(_scanner.Current.Span, _scanner.FeatureCount - 1);
                    break;
                case ScanEvent.NotAnObject:
                    yield return new SourceFeature(
                        _scanner.FeatureCount - 1,
                        null,
                        new Dictionary<string, string?>(),
                        null,
                        $"This member of \"features\" is {_scanner.NotAnObjectKind}, not a Feature object.");
                    break;
                case ScanEvent.End:
                    yield break;
            }

            next = await _scanner.NextAsync(ct);
        }
    }
}
