namespace LandRelease.Domain.HazardAreas;

/// <summary>The attributes of a hazardous area that a surveyor states; geometry travels separately.</summary>
public sealed record HazardAreaDetails(
    string CountryCode,
    string LocalId,
    string Name,
    HazardClassification Classification,
    IReadOnlyList<ContaminationType> Contamination,
    HazardAreaStatus Status,
    IReadOnlyList<Evidence> Evidence,
    DateOnly DateOfInformation,
    string OrganisationCode);
