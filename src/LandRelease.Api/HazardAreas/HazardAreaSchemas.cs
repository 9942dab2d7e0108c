using System.Text.Json;

namespace LandRelease.Api.HazardAreas;

// These types document, in the OpenAPI document, GeoJSON that PostgreSQL renders (see HazardAreaFeatureSql).

public sealed record HazardAreaFeature(string Type, Guid Id, JsonElement Geometry, HazardAreaProperties Properties);

public sealed record HazardAreaProperties(
    Guid Id,
    string CountryCode,
    string LocalId,
    string Name,
    string Classification,
    string[] Contamination,
    string Status,
    EvidenceRequest[] Evidence,
    DateOnly DateOfInformation,
    string Organisation,
    double AreaSqm,
    int Version,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    string? ChangeReason);

public sealed record HazardAreaFeatureCollection(string Type, HazardAreaFeature[] Features, int NumberReturned, Link[] Links);

public sealed record Link(string Href, string Rel, string Type);
