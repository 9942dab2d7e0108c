using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.AdminAreas;

/// <summary>
/// An administrative area of a country (a province at level 1, a district at level 2) as its national authority
/// publishes it: the boundaries national reports break figures down by (DOMAIN: "places people report by"). Its code
/// is unique in the country; every change is a new version, kept.
/// </summary>
public sealed class AdminArea
{
    private AdminArea()
    {
    }

    public Guid Id { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Level { get; private set; }
    public string? ParentCode { get; private set; }
    public MultiPolygon Geometry { get; private set; } = null!;

    /// <summary>Geodesic m², computed by PostGIS from the geometry (geography).</summary>
    public double AreaSqm { get; private set; }

    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }

    /// <summary>The upload the current version came from.</summary>
    public Guid? UploadId { get; private set; }

    public static AdminArea Create(Guid id, string countryCode, AdminAreaDetails details, Actor actor, DateTimeOffset at, Guid? uploadId) => new()
    {
        Id = id, CountryCode = countryCode, Code = details.Code, Name = details.Name, Level = details.Level,
        ParentCode = details.ParentCode, Geometry = details.Geometry, Version = 1, RecordedAt = at, RecordedBy = actor.Name,
        RecordedByOrganisation = actor.Organisation, UploadId = uploadId,
    };

    /// <summary>Whether <paramref name="details"/> say exactly what this version says (same name, level, parent and outline).</summary>
    public bool Matches(AdminAreaDetails details) =>
        Name == details.Name && Level == details.Level && ParentCode == details.ParentCode
        && Geometry.EqualsExact(details.Geometry);

    /// <summary>Records a new version; false (and nothing changes) when the details match this one.</summary>
    public bool Revise(AdminAreaDetails details, Actor actor, DateTimeOffset at, Guid? uploadId)
    {
        if (Matches(details))
        {
            return false;
        }

        Name = details.Name;
        Level = details.Level;
        ParentCode = details.ParentCode;
        Geometry = details.Geometry;
        Version++;
        RecordedAt = at;
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        UploadId = uploadId;
        return true;
    }

    public AdminAreaVersion Snapshot() => AdminAreaVersion.Of(this);
}

/// <summary>What a file says of one administrative area.</summary>
public sealed record AdminAreaDetails(string Code, string Name, int Level, string? ParentCode, MultiPolygon Geometry);
