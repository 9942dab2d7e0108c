namespace LandRelease.Data.Ogc;

/// <summary>
/// A page of a feature source: property filters (by the source's filter names, values as stored), a bbox,
/// a date-of-information interval (either end open), keyset paging after an id, the CRS to write in.
/// </summary>
/// <remarks><paramref name="VisibleCountries"/> bounds the page to what the caller may see, whatever else is asked.</remarks>
public sealed record FeatureListQuery(IReadOnlyList<string> VisibleCountries, int Limit)
{
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>();

    /// <summary>Text searches by the source's search names: the column contains the text, ignoring case.</summary>
    public IReadOnlyDictionary<string, string> Searches { get; init; } = new Dictionary<string, string>();
    public BboxFilter? Bbox { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public Guid? After { get; init; }
    public OutputCrs Crs { get; init; } = OutputCrs.Crs84;

    /// <summary>Whether to count every match (numberMatched), a second query over the same filters.</summary>
    public bool CountMatched { get; init; }
}
