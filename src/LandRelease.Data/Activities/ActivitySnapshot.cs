using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Domain.Activities;

namespace LandRelease.Data.Activities;

/// <summary>
/// The audit "what" of an activity, the only definition of it: every audit row of an activity (recorded by the API,
/// by an upload or by drafting decisions) is written by <see cref="ActivityWriter"/> with this snapshot. Geometry is a
/// SHA-256 of its WKB (the shapes themselves are kept in the activity's versions), so any change of shape shows.
/// </summary>
public static class ActivitySnapshot
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static string Of(Activity a) => JsonSerializer.Serialize(new
    {
        a.Version, a.HazardAreaId, a.LocalId, a.Type, Organisation = a.OrganisationCode, a.Method, a.StartDate, a.EndDate, a.Status,
        ReferencePointSha256 = Hash(a.ReferencePoint), WorkedAreaSha256 = a.WorkedArea is null ? null : Hash(a.WorkedArea),
        Devices = a.Devices.OrderBy(d => d.DeviceType).Select(d => new { Type = d.DeviceType, d.Found, d.Destroyed }),
        ProposedOutcomes = a.ProposedOutcomes.OrderBy(o => o.Ordinal)
            .Select(o => new { o.Kind, GeometrySha256 = Hash(o.Geometry), o.ReleaseDecisionId }),
        a.Notes,
    }, Options);

    private static string Hash(NetTopologySuite.Geometries.Geometry geometry) =>
        Convert.ToHexStringLower(SHA256.HashData(geometry.AsBinary()));
}
