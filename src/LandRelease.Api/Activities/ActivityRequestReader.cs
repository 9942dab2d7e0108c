using System.Text.Json;
using LandRelease.Api.GeoJson;
using LandRelease.Api.HazardAreas;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Activities;

/// <summary>An activity request read into domain terms; its geometries are not checked yet.</summary>
internal sealed record ReadActivity(ActivityDetails Details, Geometry? WorkedArea, Point ReferencePoint,
    IReadOnlyList<(ReleaseKind Kind, Geometry Geometry)> Outcomes, string? ChangeReason, Guid? HazardAreaId, string? HazardAreaLocalId);

/// <summary>Reads an activity Feature; every field that cannot be read is named with a reason (400).</summary>
internal static class ActivityRequestReader
{
    public const int MaxOutcomes = 100;
    private const int MaxDevices = 20;

    public static ReadActivity? Read(ActivityFeatureRequest? request, Dictionary<string, string[]> errors)
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

        var workedArea = Optional(request.Geometry, "geometry", errors);
        var p = request.Properties;
        if (p is null)
        {
            errors["properties"] = ["The Feature needs properties."];
            return null;
        }

        var localId = Text(p.LocalId, "properties.localId", 64, errors);
        var areaLocalId = Text(p.HazardAreaLocalId, "properties.hazardAreaLocalId", 64, errors);
        var type = Enum<ActivityType>(p.Type, "properties.type", errors);
        var organisation = Required(p.Organisation, "properties.organisation", 20, errors)?.ToUpperInvariant();
        var method = Required(p.Method, "properties.method", 200, errors);
        var start = HazardAreaRequestReader.ReadDate(p.StartDate, "properties.startDate", errors);
        var end = p.EndDate is null ? null : HazardAreaRequestReader.ReadDate(p.EndDate, "properties.endDate", errors);
        var status = Enum<ActivityStatus>(p.Status, "properties.status", errors);
        var point = ReadPoint(p.ReferencePoint, errors);
        var devices = ReadDevices(p.Devices, errors);
        var outcomes = ReadOutcomes(p.ProposedOutcomes, errors);
        var notes = Text(p.Notes, "properties.notes", 4000, errors);
        var reason = Text(p.ChangeReason, "properties.changeReason", 1000, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var details = new ActivityDetails(localId, type!.Value, organisation!, method!, start!.Value, end, status!.Value, devices, notes);
        return new ReadActivity(details, workedArea, point!, outcomes, reason, p.HazardAreaId, areaLocalId);
    }

    private static Geometry? Optional(JsonElement? json, string field, Dictionary<string, string[]> errors)
    {
        if (json is not { ValueKind: not JsonValueKind.Null } element)
        {
            return null;
        }

        if (GeoJsonGeometry.TryRead(element, out var geometry, out var error))
        {
            return geometry;
        }

        errors[field] = [error];
        return null;
    }

    private static Point? ReadPoint(JsonElement? json, Dictionary<string, string[]> errors)
    {
        const string field = "properties.referencePoint";
        if (json is not { ValueKind: not JsonValueKind.Null })
        {
            errors[field] = ["referencePoint (a GeoJSON Point, the landmark the team navigated from) is required."];
            return null;
        }

        var geometry = Optional(json, field, errors);
        if (geometry is Point { IsEmpty: false } point)
        {
            return point;
        }

        if (geometry is not null)
        {
            errors[field] = [$"referencePoint must be a GeoJSON Point with one position, not a {geometry.GeometryType}."];
        }

        return null;
    }

    private static List<DeviceCount> ReadDevices(DeviceRequest[]? items, Dictionary<string, string[]> errors)
    {
        var devices = new List<DeviceCount>();
        if (items is { Length: > MaxDevices })
        {
            errors["properties.devices"] = [$"At most {MaxDevices} device counts, one per type."];
            return devices;
        }

        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            var item = items![i];
            var field = $"properties.devices[{i}]";
            var type = Enum<DeviceType>(item?.Type, $"{field}.type", errors);
            if (item?.Found is null)
            {
                errors[$"{field}.found"] = ["found (how many were found) is required."];
            }

            if (item?.Destroyed is null)
            {
                errors[$"{field}.destroyed"] = ["destroyed (how many were destroyed) is required."];
            }

            if (type is { } t && item?.Found is { } found && item.Destroyed is { } destroyed)
            {
                devices.Add(new DeviceCount(t, found, destroyed));
            }
        }

        return devices;
    }

    private static List<(ReleaseKind, Geometry)> ReadOutcomes(ProposedOutcomeRequest[]? items, Dictionary<string, string[]> errors)
    {
        var outcomes = new List<(ReleaseKind, Geometry)>();
        if (items is { Length: > MaxOutcomes })
        {
            errors["properties.proposedOutcomes"] = [$"At most {MaxOutcomes} proposed outcomes."];
            return outcomes;
        }

        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            var field = $"properties.proposedOutcomes[{i}]";
            var kind = Enum<ReleaseKind>(items![i]?.Kind, $"{field}.kind", errors);
            var geometry = Optional(items[i]?.Geometry, $"{field}.geometry", errors);
            if (geometry is null && !errors.ContainsKey($"{field}.geometry"))
            {
                errors[$"{field}.geometry"] = ["Each proposed outcome needs its geometry (GeoJSON Polygon or MultiPolygon)."];
            }

            if (kind is { } k && geometry is not null)
            {
                outcomes.Add((k, geometry));
            }
        }

        return outcomes;
    }

    private static string? Required(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{Leaf(field)} is required."];
            return null;
        }

        return Text(value, field, maxLength, errors);
    }

    /// <summary>A local id as the register stores and looks it up (what <see cref="Text"/> makes of it).</summary>
    public static string? LocalIdKey(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An optional text: trimmed, null when blank, refused when too long.</summary>
    private static string? Text(string? value, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Trim().Length > maxLength)
        {
            errors[field] = [$"{Leaf(field)} is at most {maxLength} characters."];
            return null;
        }

        return value.Trim();
    }

    private static TEnum? Enum<TEnum>(string? value, string field, Dictionary<string, string[]> errors) where TEnum : struct, Enum
    {
        if (WireName<TEnum>.TryParse(value, out var parsed))
        {
            return parsed;
        }

        var all = string.Join(", ", WireName<TEnum>.All);
        errors[field] = [value is null ? $"{Leaf(field)} is required: one of {all}." : $"'{value}' is not a valid {Leaf(field)}: use one of {all}."];
        return null;
    }

    private static string Leaf(string field) => field[(field.LastIndexOf('.') + 1)..];
}
