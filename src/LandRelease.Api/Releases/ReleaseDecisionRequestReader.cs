using System.Text.RegularExpressions;
using LandRelease.Api.GeoJson;
using LandRelease.Api.HazardAreas;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Releases;

internal sealed record ReadDecision(Guid HazardAreaId, ReleaseKind Kind, NetTopologySuite.Geometries.Geometry Geometry,
    EnteredArea? EnteredArea, Guid? ActivityId, string OrganisationCode, DateOnly DateOfInformation, string? Notes,
    IReadOnlyList<Attachment> Attachments);

internal static partial class ReleaseDecisionRequestReader
{
    /// <summary>A completion report, a handover certificate and their annexes; thousands would be a client's loop gone wrong.</summary>
    private const int MaxAttachments = 50;

    public static ReadDecision? Read(ReleaseDecisionRequest? request, Dictionary<string, string[]> errors)
    {
        if (request is null)
        {
            errors["body"] = ["The body must be a release decision."];
            return null;
        }

        if (request.HazardAreaId is null)
        {
            errors["hazardAreaId"] = ["hazardAreaId is required."];
        }

        if (!WireName<ReleaseKind>.TryParse(request.Kind, out var kind))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", WireName<ReleaseKind>.All)}."];
        }

        NetTopologySuite.Geometries.Geometry? geometry = null;
        if (request.Geometry is not { ValueKind: not System.Text.Json.JsonValueKind.Null } json)
        {
            errors["geometry"] = ["A geometry (GeoJSON Polygon or MultiPolygon) is required."];
        }
        else if (!GeoJsonGeometry.TryRead(json, out geometry, out var geometryError))
        {
            errors["geometry"] = [geometryError];
        }

        if (string.IsNullOrWhiteSpace(request.Organisation))
        {
            errors["organisation"] = ["organisation (the code of the organisation that released the land) is required."];
        }

        var date = HazardAreaRequestReader.ReadDate(request.DateOfInformation, "dateOfInformation", errors);
        if (request.Notes is { Length: > 4000 })
        {
            errors["notes"] = ["notes are at most 4000 characters."];
        }

        var entered = ReadEnteredArea(request.EnteredArea, errors);
        var attachments = ReadAttachments(request.Attachments, errors);
        return errors.Count > 0
            ? null
            : new ReadDecision(request.HazardAreaId!.Value, kind, geometry!, entered, request.ActivityId,
                request.Organisation!.Trim().ToUpperInvariant(), date!.Value, request.Notes?.Trim(), attachments);
    }

    private static EnteredArea? ReadEnteredArea(EnteredAreaRequest? entered, Dictionary<string, string[]> errors)
    {
        if (entered is null)
        {
            return null;
        }

        if (entered.Value is not { } value || !double.IsFinite(value) || value <= 0)
        {
            errors["enteredArea.value"] = ["enteredArea.value is a positive number."];
            return null;
        }

        if (!WireName<AreaUnit>.TryParse(entered.Unit, out var unit))
        {
            errors["enteredArea.unit"] = [$"enteredArea.unit is one of {string.Join(", ", WireName<AreaUnit>.All)}."];
            return null;
        }

        var area = new EnteredArea(value, unit);
        if (!PlausibleNumbers.IsArea(area.SquareMetres))
        {
            errors["enteredArea.value"] = [$"enteredArea is at most {PlausibleNumbers.MaxAreaSqm:0e0} m² (1,000,000 km²); {value} {entered.Unit} is more."];
            return null;
        }

        return area;
    }

    private static List<Attachment> ReadAttachments(AttachmentRequest[]? items, Dictionary<string, string[]> errors)
    {
        var attachments = new List<Attachment>();
        if (items is { Length: > MaxAttachments })
        {
            errors["attachments"] = [$"A decision lists at most {MaxAttachments} attachments."];
            return attachments;
        }

        for (var i = 0; i < (items?.Length ?? 0); i++)
        {
            var item = items![i];
            if (!WireName<AttachmentKind>.TryParse(item?.Kind, out var kind))
            {
                errors[$"attachments[{i}].kind"] = [$"kind is one of {string.Join(", ", WireName<AttachmentKind>.All)}."];
            }

            if (string.IsNullOrWhiteSpace(item?.FileName) || item.FileName.Length > 255)
            {
                errors[$"attachments[{i}].fileName"] = ["fileName is required, at most 255 characters."];
            }

            if (item?.Sha256 is null || !Sha256Pattern().IsMatch(item.Sha256))
            {
                errors[$"attachments[{i}].sha256"] = ["sha256 is the file's SHA-256 as 64 hexadecimal characters."];
            }

            if (!errors.Keys.Any(k => k.StartsWith($"attachments[{i}]", StringComparison.Ordinal)))
            {
                attachments.Add(new Attachment(kind, item!.FileName!.Trim(), item.Sha256!.ToLowerInvariant(), item.SignedBy?.Trim()));
            }
        }

        return attachments;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
