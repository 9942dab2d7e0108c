using NetTopologySuite.Geometries;

namespace LandRelease.Domain.AdminAreas;

/// <summary>One version of an administrative area, as recorded (append-only).</summary>
public sealed class AdminAreaVersion
{
    private AdminAreaVersion()
    {
    }

    public long Id { get; private set; }
    public Guid AdminAreaId { get; private set; }
    public int Version { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Level { get; private set; }
    public string? ParentCode { get; private set; }
    public MultiPolygon Geometry { get; private set; } = null!;
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }
    public Guid? UploadId { get; private set; }

    internal static AdminAreaVersion Of(AdminArea area) => new()
    {
        AdminAreaId = area.Id, Version = area.Version, CountryCode = area.CountryCode, Code = area.Code, Name = area.Name,
        Level = area.Level, ParentCode = area.ParentCode, Geometry = area.Geometry, RecordedAt = area.RecordedAt,
        RecordedBy = area.RecordedBy, RecordedByOrganisation = area.RecordedByOrganisation, UploadId = area.UploadId,
    };
}
