using NetTopologySuite.Geometries;

namespace LandRelease.Data.HazardAreas;

/// <summary>A page request: filters, a bounding box, and the last id of the previous page (keyset paging).</summary>
/// <remarks><paramref name="VisibleCountries"/> bounds the page to what the caller may see, whatever else is asked.</remarks>
public sealed record HazardAreaQuery(string? CountryCode, string? Status, Envelope? Bbox, Guid? After, int Limit,
    IReadOnlyList<string> VisibleCountries)
{
    public string? Organisation { get; init; }
    public string? Classification { get; init; }

    /// <summary>Part of the local id, any case.</summary>
    public string? LocalIdContains { get; init; }

    /// <summary>Part of the name, any case.</summary>
    public string? NameContains { get; init; }

    /// <summary>Whether to count every match as well (the register browser shows it).</summary>
    public bool CountMatched { get; init; }
}

/// <summary>Rendered features (GeoJSON text) and the id to continue after, when there may be more.</summary>
public sealed record FeaturePage(IReadOnlyList<string> Features, Guid? NextAfter)
{
    /// <summary>Every feature the filters match, when it was counted.</summary>
    public long? NumberMatched { get; init; }
}

/// <summary>A rendered Feature with what access checks need: its country and the organisation that recorded it.</summary>
public sealed record StoredFeature(string Json, int Version, string CountryCode, string OrganisationCode);
