using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.Releases;

/// <summary>A submitted decision as the review queue lists it.</summary>
public sealed record QueuedDecision(Guid Id, string CountryCode, string AreaLocalId, string AreaName, string OrganisationCode,
    string OrganisationName, DateTimeOffset? SubmittedAt, ReleaseKind Kind, double AreaSqm, DateOnly DateOfInformation);

public sealed record QueuePage(IReadOnlyList<QueuedDecision> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The columns the queue sorts by; ties are broken by id so pages never overlap.</summary>
public enum QueueSort
{
    Submitted,
    LocalId,
    Organisation,
    Kind,
    Area,
}

/// <summary>The national authority's review queue: submitted decisions of its countries, sorted and paged in SQL.</summary>
public static class ReviewQueue
{
    public const int PageSize = 50;

    public static async Task<QueuePage> PageAsync(LandReleaseDbContext db, IReadOnlyList<string> countries, QueueSort sort,
        bool descending, int page, CancellationToken ct)
    {
        var query = from d in db.ReleaseDecisions.AsNoTracking()
                    where countries.Contains(d.CountryCode) && d.State == DecisionState.Submitted
                    join a in db.HazardAreas on d.HazardAreaId equals a.Id
                    join o in db.Organisations on d.OrganisationCode equals o.Code
                    select new { d.Id, d.CountryCode, AreaLocalId = a.LocalId, AreaName = a.Name, d.OrganisationCode,
                                 OrganisationName = o.Name, d.SubmittedAt, d.Kind, d.AreaSqm, d.DateOfInformation };
        var total = await query.CountAsync(ct);
        var ordered = (sort, descending) switch
        {
            (QueueSort.LocalId, false) => query.OrderBy(q => q.AreaLocalId),
            (QueueSort.LocalId, true) => query.OrderByDescending(q => q.AreaLocalId),
            (QueueSort.Organisation, false) => query.OrderBy(q => q.OrganisationCode),
            (QueueSort.Organisation, true) => query.OrderByDescending(q => q.OrganisationCode),
            (QueueSort.Kind, false) => query.OrderBy(q => q.Kind),
            (QueueSort.Kind, true) => query.OrderByDescending(q => q.Kind),
            (QueueSort.Area, false) => query.OrderBy(q => q.AreaSqm),
            (QueueSort.Area, true) => query.OrderByDescending(q => q.AreaSqm),
            (_, true) => query.OrderByDescending(q => q.SubmittedAt),
            _ => query.OrderBy(q => q.SubmittedAt),
        };
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        var rows = await ordered.ThenBy(q => q.Id).Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new QueuePage([.. rows.Select(q => new QueuedDecision(q.Id, q.CountryCode, q.AreaLocalId, q.AreaName, q.OrganisationCode,
            q.OrganisationName, q.SubmittedAt, q.Kind, q.AreaSqm, q.DateOfInformation))], total, current, PageSize);
    }
}
