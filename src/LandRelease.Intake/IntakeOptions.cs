namespace LandRelease.Intake;

/// <summary>Limits and choices for reading one upload. The defaults suit a field upload or a national migration.</summary>
public sealed record IntakeOptions
{
    /// <summary>
    /// The largest single feature (a GeoJSON feature's text, a KML placemark) held in memory at once. Memory stays
    /// flat as a file grows because only one feature is held; this bounds that one.
    /// </summary>
    public int MaxFeatureBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>The most a zip may expand to on disk; guards the temp folder against a zip bomb.</summary>
    public long MaxExtractedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Which layer to read when a file holds several: a GeoPackage feature table or a shapefile's name in a zip.
    /// When null the first is read and the others are listed in <see cref="FeatureSource.OtherLayers"/>.
    /// </summary>
    public string? Layer { get; init; }

    public static IntakeOptions Default { get; } = new();
}
