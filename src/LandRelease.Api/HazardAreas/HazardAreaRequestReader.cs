using LandRelease.Api.GeoJson;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.HazardAreas;

namespace LandRelease.Api.HazardAreas;

/// <summary>The request, read into domain terms; or every field that could not be read, each with a reason.</summary>
internal sealed record ReadHazardArea(HazardAreaDetails Details, NetTopologySuite.Geometries.Geometry Geometry, string? ChangeReason);

internal static class HazardAreaRequestReader
{
    private const int MaxLocalId = 64;
    private const int MaxName = 200;
    private const int MaxDescription = 2000;

    /// <summary>Lists a person types: a few contamination types, a handful of evidence records; thousands are not input.</summary>
    private const int MaxListItems = 100;

    public static ReadHazardArea? Read(HazardAreaFeatureRequest? request, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors["body"] = ["The body must be a GeoJSON Feature."];
            return null;
        }

        if (!string.Equals(request.Type, "Feature", StringComparison.Ordinal))
        {
            errors["type"] = [$"The body must be a GeoJSON Feature (type \"Feature\"), not \"{request.Type}\"."];
        }

        NetTopologySuite.Geometries.Geometry? geometry = null;
        if (request.Geometry is not { } geometryJson || geometryJson.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            errors["geometry"] = ["A geometry (GeoJSON Polygon or MultiPolygon) is required."];
        }
        else if (!GeoJsonGeometry.TryRead(geometryJson, out geometry, out var geometryError))
        {
            errors["geometry"] = [geometryError];
        }

        var p = request.Properties;
        if (p is null)
        {
            errors["properties"] = ["The Feature needs properties."];
            return null;
        }

        var properties = ReadProperties(p, errors);
        return errors.Count > 0 || properties is null
            ? null
            : new ReadHazardArea(properties.Value.Details, geometry!, properties.Value.ChangeReason);
    }

    /// <summary>The attributes of a hazardous area, from a request or from a feature of an uploaded file.</summary>
    public static (HazardAreaDetails Details, string? ChangeReason)? ReadProperties(HazardAreaPropertiesRequest p,
        Dictionary<string, string[]> errors)
    {
        var countryCode = CountryCode.From(Required(p.CountryCode, "properties.countryCode", 3, errors))?.Value;
        var localId = Required(p.LocalId, "properties.localId", MaxLocalId, errors);
        var name = Required(p.Name, "properties.name", MaxName, errors);
        var organisation = Required(p.Organisation, "properties.organisation", 20, errors)?.ToUpperInvariant();
        var classification = ReadClassification(p.Classification, errors);
        var status = ReadEnum<HazardAreaStatus>(p.Status, "properties.status", errors);
        var contamination = ReadContamination(p.Contamination, errors);
        var evidence = ReadEvidence(p.Evidence, errors);
        var date = ReadDate(p.DateOfInformation, "properties.dateOfInformation", errors);
        if (p.ChangeReason is { Length: > 1000 })
        {
            errors["properties.changeReason"] = ["The change reason is at most 1000 characters."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var details = new HazardAreaDetails(countryCode!, localId!, name!, classification!.Value, contamination,
            status!.Value, evidence, date!.Value, organisation!);
        return (details, string.IsNullOrWhiteSpace(p.ChangeReason) ? null : p.ChangeReason.Trim());
    }

    private static string? Required(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{Leaf(field)} is required."];
            return null;
        }

        if (value.Trim().Length > maxLength)
        {
            errors[field] = [$"{Leaf(field)} is at most {maxLength} characters."];
            return null;
        }

        return value.Trim();
    }

    private static HazardClassification? ReadClassification(string? value, Dictionary<string, string[]> errors) =>
        // DHA ("defined hazardous area") is the legacy name of a confirmed area.
        string.Equals(value?.Trim(), "DHA", StringComparison.OrdinalIgnoreCase)
            ? HazardClassification.Cha
            : ReadEnum<HazardClassification>(value, "properties.classification", errors);

    private static TEnum? ReadEnum<TEnum>(string? value, string field, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (WireName<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [value is null
            ? $"{Leaf(field)} is required: one of {string.Join(", ", WireName<TEnum>.All)}."
            : $"'{value}' is not a valid {Leaf(field)}: use one of {string.Join(", ", WireName<TEnum>.All)}."];
        return null;
    }

    private static List<ContaminationType> ReadContamination(string[]? values, Dictionary<string, string[]> errors)
    {
        var parsed = new List<ContaminationType>();
        if (values is { Length: > MaxListItems })
        {
            errors["properties.contamination"] = [$"contamination lists at most {MaxListItems} types."];
            return parsed;
        }

        for (var i = 0; i < (values?.Length ?? 0); i++)
        {
            if (ReadEnum<ContaminationType>(values![i], $"properties.contamination[{i}]", errors) is { } type)
            {
                parsed.Add(type);
            }
        }

        return parsed;
    }

    private static List<Evidence> ReadEvidence(EvidenceRequest[]? items, Dictionary<string, string[]> errors)
    {
        var evidence = new List<Evidence>();
        if (items is { Length: > MaxListItems })
        {
            errors["properties.evidence"] = [$"evidence holds at most {MaxListItems} records."];
            return evidence;
        }

        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            var kind = ReadEnum<EvidenceKind>(items![i]?.Kind, $"properties.evidence[{i}].kind", errors);
            var description = Required(items[i]?.Description, $"properties.evidence[{i}].description", MaxDescription, errors);
            if (kind is { } k && description is not null)
            {
                evidence.Add(new Evidence(k, description));
            }
        }

        return evidence;
    }

    /// <summary>An ISO date within <see cref="PlausibleDates"/>: every date the API and the uploads take in is read here.</summary>
    public static DateOnly? ReadDate(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (PlausibleDates.TryRead(value, out var date, out var error))
        {
            return date;
        }

        errors[field] = [value is null ? $"{Leaf(field)} is required (yyyy-MM-dd)." : error];
        return null;
    }

    /// <summary>The field's last name without its list position, as a surveyor reads it: contamination, not contamination[0].</summary>
    private static string Leaf(string field)
    {
        var leaf = field[(field.LastIndexOf('.') + 1)..];
        return leaf.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0 ? leaf[..bracket] : leaf;
    }
}
