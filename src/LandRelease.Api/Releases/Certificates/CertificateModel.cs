using LandRelease.Data;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>Everything a certificate shows: the decision and the names it refers to by code or id.</summary>
internal sealed record CertificateModel(
    ReleaseDecision Decision,
    string AreaLocalId,
    string AreaName,
    HazardClassification Classification,
    string CountryName,
    string OrganisationName,
    string? ApprovedBy,
    CertificateGrid Grid,
    DateTimeOffset GeneratedAt)
{
    /// <summary>Reads the hazardous area, country, operator and approval act behind an already authorised decision.</summary>
    public static async Task<CertificateModel> LoadAsync(LandReleaseDbContext db, ReleaseDecision decision, DateTimeOffset now,
        CancellationToken ct)
    {
        var area = await db.HazardAreas.AsNoTracking()
            .Where(a => a.Id == decision.HazardAreaId)
            .Select(a => new { a.LocalId, a.Name, a.Classification })
            .SingleAsync(ct);
        var country = await db.Countries.AsNoTracking()
            .Where(c => c.Code == decision.CountryCode).Select(c => c.Name).FirstOrDefaultAsync(ct);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.Code == decision.OrganisationCode).Select(o => o.Name).FirstOrDefaultAsync(ct);

        // The latest approval act: a decision is approved once, but the event log is the record, not the entity.
        var approval = await db.DecisionEvents.AsNoTracking()
            .Where(e => e.DecisionId == decision.Id && e.ToState == DecisionState.Approved)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.By, e.ByOrganisation })
            .FirstOrDefaultAsync(ct);
        var approvedBy = approval is null ? null
            : approval.ByOrganisation is null ? approval.By : $"{approval.By} ({approval.ByOrganisation})";

        return new CertificateModel(decision, area.LocalId, area.Name, area.Classification, country ?? decision.CountryCode,
            organisation ?? decision.OrganisationCode, approvedBy, CertificateGrid.Of(decision.Geometry), now);
    }
}
