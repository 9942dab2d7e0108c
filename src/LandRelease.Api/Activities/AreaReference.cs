namespace LandRelease.Api.Activities;

/// <summary>Which hazardous area an activity belongs to: by id, or by its local id in a country (as uploads name it).</summary>
public sealed record AreaReference
{
    private AreaReference(Guid? id, string? countryCode, string? localId)
    {
        Id = id;
        CountryCode = countryCode;
        LocalId = localId;
    }

    public Guid? Id { get; }
    public string? CountryCode { get; }
    public string? LocalId { get; }

    public static AreaReference ById(Guid id) => new(id, null, null);

    public static AreaReference ByLocalId(string countryCode, string localId) =>
        new(null, countryCode.Trim().ToUpperInvariant(), localId.Trim());

    /// <summary>
    /// For a feature of a batch upload into <paramref name="countryCode"/>: its properties.hazardAreaId, else its
    /// properties.hazardAreaLocalId; null when it names neither (the register then reports the feature as malformed).
    /// </summary>
    public static AreaReference? FromFeature(ActivityFeatureRequest? feature, string countryCode) => feature?.Properties switch
    {
        { HazardAreaId: { } id } => ById(id),
        { HazardAreaLocalId: { } localId } when !string.IsNullOrWhiteSpace(localId) => ByLocalId(countryCode, localId),
        _ => null,
    };

    public override string ToString() => Id is { } id ? $"id {id}" : $"local id '{LocalId}' in {CountryCode}";
}
