using LandRelease.Data.Ogc;

namespace LandRelease.Data.Exports;

/// <summary>
/// A collection as a file: the rows of its feature source (the same scope, filters and "belongs" rule as the OGC API)
/// and the attributes written for each, in order.
/// </summary>
public sealed record ExportLayout(string Layer, FeatureSource Source, IReadOnlyList<ExportColumn> Columns);
