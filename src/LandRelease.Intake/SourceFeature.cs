using NetTopologySuite.Geometries;

namespace LandRelease.Intake;

/// <summary>
/// One feature as the file gave it, before any coordinate conversion or rule check.
/// </summary>
/// <param name="Index">0-based position in file order (the number the upload report quotes).</param>
/// <param name="Geometry">In the source coordinates (x = easting or longitude, y = northing or latitude); null when
/// <paramref name="Problem"/> says why, or for a traverse.</param>
/// <param name="Attributes">The feature's properties as strings, keys as in the file, looked up case-insensitively.</param>
/// <param name="Traverse">Set for a traverse row group of a CSV; its polygon is computed downstream.</param>
/// <param name="Problem">Why this feature cannot be used; the upload rejects it and goes on with the next.</param>
public sealed record SourceFeature(
    int Index,
    Geometry? Geometry,
    IReadOnlyDictionary<string, string?> Attributes,
    TraverseRecord? Traverse,
    string? Problem)
{
    /// <summary>The line of the file the feature starts on, where the format has lines that people count (CSV).</summary>
    public int? Line { get; init; }
}
