using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Domain.Common;
using LandRelease.Domain.Organisations;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Audit;

/// <summary>
/// The "what" of an audit row: the record's attributes as JSON. Geometry is represented by a SHA-256 of its
/// WKB (the geometry itself is kept in the record's versions), so any change of shape shows as a new hash.
/// A hazardous area's is defined in SQL, from its version rows: <see cref="Data.HazardAreas.HazardAreaAudit"/>.
/// </summary>
internal static class AuditSnapshots
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static string Of(ReleaseDecision d) => JsonSerializer.Serialize(new
    {
        d.Version, d.HazardAreaId, d.Kind, d.State, d.StateReason, d.RevokedFrom, Organisation = d.OrganisationCode,
        d.DateOfInformation, d.EnteredArea, d.ActivityId, d.Notes, d.Attachments, GeometrySha256 = Hash(d.Geometry),
    }, Options);

    public static string Of(Organisation o) => JsonSerializer.Serialize(new { o.Code, o.Name, o.Kind, o.Countries }, Options);

    private static string Hash(NetTopologySuite.Geometries.Geometry geometry) =>
        Convert.ToHexStringLower(SHA256.HashData(geometry.AsBinary()));
}

internal static class AuditEntityTypes
{
    public const string HazardArea = Data.HazardAreas.HazardAreaAudit.EntityType;
    public const string ReleaseDecision = "RELEASE_DECISION";
    public const string Organisation = "ORGANISATION";
    public const string Activity = "ACTIVITY";

    public static IReadOnlyList<string> All { get; } = [HazardArea, ReleaseDecision, Organisation, Activity];
}
