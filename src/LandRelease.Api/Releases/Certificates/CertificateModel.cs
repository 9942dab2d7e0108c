using LandRelease.Data;
using LandRelease.Data.Releases;
using LandRelease.Domain.Activities;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>The person who approved, as their account named them when they approved: display name and position, not a login.</summary>
public sealed record Approver(string Name, string? Position, string? Organisation);

/// <summary>Land of this decision that another decision had released first: the m² and which decision.</summary>
public sealed record EarlierRelease(Guid DecisionId, string? CertificateNumber, ReleaseKind Kind, DateOnly DateOfInformation, double AreaSqm);

/// <summary>Everything a certificate shows: the decision and the names, people, devices and land it refers to.</summary>
public sealed record CertificateModel(
    ReleaseDecision Decision,
    string AreaLocalId,
    string AreaName,
    HazardClassification Classification,
    string CountryName,
    Authority Authority,
    string OrganisationName,
    Approver? ApprovedBy,
    IReadOnlyList<DeviceCount> Devices,
    IReadOnlyList<EarlierRelease> EarlierReleases,
    CertificateGrid Grid,
    CertificateMap Map,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Reads the hazardous area, country, operator, approver, devices and overlaps behind an already authorised decision.</summary>
    public static async Task<CertificateModel> LoadAsync(LandReleaseDbContext db, ReleaseDecision decision, Authority authority,
        DateTimeOffset now, CancellationToken ct)
    {
        var area = await db.HazardAreas.AsNoTracking()
            .Where(a => a.Id == decision.HazardAreaId)
            .Select(a => new { a.LocalId, a.Name, a.Classification, a.Geometry })
            .SingleAsync(ct);
        var country = await db.Countries.AsNoTracking()
            .Where(c => c.Code == decision.CountryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Code == decision.OrganisationCode).Select(o => o.Name).FirstOrDefaultAsync(ct);

        // The latest approval act: a decision is approved once, but the event log is the record, not the entity.
        var approval = await db.DecisionEvents.AsNoTracking()
            .Where(e => e.DecisionId == decision.Id && e.ToState == DecisionState.Approved)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.By, e.ByOrganisation, e.ByDisplayName, e.ByPosition })
            .FirstOrDefaultAsync(ct);
        // As the approver's account named them when they approved (DecisionEvent.NameMover), not as it reads today.
        var approver = approval is null ? null : new Approver(approval.ByDisplayName ?? approval.By, approval.ByPosition, approval.ByOrganisation);

        IReadOnlyList<DeviceCount> devices = decision.ActivityId is { } activityId
            ? await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
                .SelectMany(a => a.Devices).OrderBy(d => d.DeviceType)
                .Select(d => new DeviceCount(d.DeviceType, d.Found, d.Destroyed)).ToListAsync(ct)
            : [];

        var preview = await ReleasePreviews.OfAsync(db, decision.Id, ct);
        var earlier = preview?.Earlier.ToList() ?? [];
        var earlierIds = earlier.Select(o => o.ReleaseDecisionId).ToList();
        var earlierDecisions = await db.ReleaseDecisions.AsNoTracking().Where(d => earlierIds.Contains(d.Id))
            .Select(d => new { d.Id, d.CertificateNumber, d.Kind }).ToDictionaryAsync(d => d.Id, ct);
        var releasedBefore = earlier.Select(o => new EarlierRelease(o.ReleaseDecisionId, earlierDecisions[o.ReleaseDecisionId].CertificateNumber,
            earlierDecisions[o.ReleaseDecisionId].Kind, o.DateOfInformation, o.AreaSqm)).ToList();

        // Other land of the area released and still counted: drawn on the context map beside this decision.
        var others = await db.ReleaseDecisions.AsNoTracking()
            .Where(d => d.HazardAreaId == decision.HazardAreaId && d.Id != decision.Id && ReleaseWorkflow.Counted.Contains(d.State))
            .Select(d => d.Geometry).ToListAsync(ct);

        var grid = CertificateGrid.Of(decision.Geometry);
        return new CertificateModel(decision, area.LocalId, area.Name, area.Classification, country ?? decision.CountryCode,
            authority, organisation ?? decision.OrganisationCode, approver, devices, releasedBefore, grid,
            CertificateMap.Of(grid, area.Geometry, others), now);
    }
}

/// <summary>The issuing authority as configured, its logo as a data URI (the certificate fetches nothing).</summary>
public sealed record Authority(string Name, string? LogoDataUri)
{
    public static Authority For(CertificateOptions options, string countryCode, string countryName)
    {
        options.Authorities.TryGetValue(countryCode, out var configured);
        var name = string.IsNullOrWhiteSpace(configured?.Name) ? $"National mine action authority of {countryName}" : configured.Name.Trim();
        return new Authority(name, LogoOf(configured?.Logo));
    }

    private static string? LogoOf(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }

        var type = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".svg" => "image/svg+xml",
            _ => null,
        };
        return type is null ? null : $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
    }
}
