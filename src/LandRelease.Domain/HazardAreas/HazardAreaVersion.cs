using NetTopologySuite.Geometries;

namespace LandRelease.Domain.HazardAreas;

/// <summary>
/// One state of a hazardous area. <see cref="DateOfInformation"/> is valid time (when the facts were
/// true), <see cref="RecordedAt"/> transaction time (when the system learned them): asAt queries pick
/// the latest version whose date of information is not after the date asked.
/// </summary>
public sealed class HazardAreaVersion
{
    private HazardAreaVersion()
    {
    }

    public long Id { get; private set; }
    public Guid HazardAreaId { get; private set; }
    public int Version { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string LocalId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public HazardClassification Classification { get; private set; }
    public List<ContaminationType> Contamination { get; private set; } = [];
    public HazardAreaStatus Status { get; private set; }
    public IReadOnlyList<Evidence> Evidence { get; private set; } = [];
    public DateOnly DateOfInformation { get; private set; }
    public string OrganisationCode { get; private set; } = "";
    public MultiPolygon Geometry { get; private set; } = null!;
    public double AreaSqm { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }
    public string ChangeReason { get; private set; } = "";

    internal static HazardAreaVersion Of(HazardArea area) => new()
    {
        HazardAreaId = area.Id,
        Version = area.Version,
        CountryCode = area.CountryCode,
        LocalId = area.LocalId,
        Name = area.Name,
        Classification = area.Classification,
        Contamination = [.. area.Contamination],
        Status = area.Status,
        Evidence = [.. area.Evidence],
        DateOfInformation = area.DateOfInformation,
        OrganisationCode = area.OrganisationCode,
        Geometry = area.Geometry,
        RecordedAt = area.RecordedAt,
        RecordedBy = area.RecordedBy,
        RecordedByOrganisation = area.RecordedByOrganisation,
        ChangeReason = area.ChangeReason,
    };
}
