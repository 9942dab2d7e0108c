using NetTopologySuite.Geometries;

namespace LandRelease.Data.HazardAreas;

/// <summary>A page request: filters, a bounding box, and the last id of the previous page (keyset paging).</summary>
public sealed record HazardAreaQuery(string? CountryCode, string? Status, Envelope? Bbox, Guid? After, int Limit);

/// <summary>Rendered features (GeoJSON text) and the id to continue after, when there may be more.</summary>
public sealed record FeaturePage(IReadOnlyList<string> Features, Guid? NextAfter);

public sealed record StoredFeature(string Json, int Version);
