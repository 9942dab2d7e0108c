namespace LandRelease.Intake;

/// <summary>
/// Limits and choices for reading one upload. Every part of a file that a reader holds or parses whole is bounded
/// here, so that a small hostile file cannot hold memory, disk or a core for long. The defaults suit a field upload
/// or a national migration.
/// </summary>
public sealed record IntakeOptions
{
    /// <summary>
    /// The largest single feature (a GeoJSON feature's text, a KML placemark) held in memory at once. Memory stays
    /// flat as a file grows because only one feature is held; this bounds that one.
    /// </summary>
    public int MaxFeatureBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The most a zip may expand to, on disk or read straight from it; guards the temp folder against a zip bomb.</summary>
    public long MaxExtractedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// A zip entry larger than <see cref="CompressionCheckFromBytes"/> may expand at most this many times its
    /// compressed size. Field data compresses 3 to 30 times; a bomb a thousand.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries expanding to less than this are never refused for their compression ratio.</summary>
    public long CompressionCheckFromBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The most features one upload may hold; a file with more is refused whole.</summary>
    public int MaxFeatures { get; init; } = 1_000_000;

    /// <summary>The longest CRS a file may declare (a .prj, a GeoPackage definition); real ones are a few KB.</summary>
    public int MaxDeclaredCrsChars { get; init; } = 64 * 1024;

    /// <summary>The longest CSV line, in bytes.</summary>
    public int MaxCsvLineBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// Which layer to read when a file holds several: a GeoPackage feature table or a shapefile's name in a zip.
    /// When null the first is read and the others are listed in <see cref="FeatureSource.OtherLayers"/>.
    /// </summary>
    public string? Layer { get; init; }

    public static IntakeOptions Default { get; } = new();
}
