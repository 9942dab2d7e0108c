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

/// <summary>A queue row as the query projects it (EF translates a class with settable members, not a positional record).</summary>
public sealed class QueueRow
{
    public Guid Id { get; init; }
    public string CountryCode { get; init; } = "";
    public string AreaLocalId { get; init; } = "";
    public string AreaName { get; init; } = "";
    public string OrganisationCode { get; init; } = "";
    public string OrganisationName { get; init; } = "";
    public DateTimeOffset? SubmittedAt { get; init; }
    public ReleaseKind Kind { get; init; }
    public double AreaSqm { get; init; }
    public DateOnly DateOfInformation { get; init; }
}

/// <summary>The national authority's review queue: submitted decisions of its countries, sorted and paged in SQL.</summary>
public static class ReviewQueue
{
    public const int PageSize = 50;

    public static async Task<QueuePage> PageAsync(LandReleaseDbContext db, IReadOnlyList<string> countries, QueueSort sort,
        bool descending, int page, CancellationToken ct, int pageSize = PageSize)
    {
        var submitted = Submitted(db, countries);
        var total = await submitted.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var current = Math.Clamp(page, 1, pages);
        var pageIds = OrderIds(db, submitted, sort, descending).Skip((current - 1) * pageSize).Take(pageSize);
        var rows = await Order(Rows(db, countries).Where(r => pageIds.Contains(r.Id)), sort, descending).ToListAsync(ct);
        return new QueuePage([.. rows.Select(ToDecision)], total, current, pageSize);
    }

    private static IQueryable<ReleaseDecision> Submitted(LandReleaseDbContext db, IReadOnlyList<string> countries) =>
        db.ReleaseDecisions.AsNoTracking().Where(d => countries.Contains(d.CountryCode) && d.State == DecisionState.Submitted);

    /// <summary>
    /// The queue's ids in page order, sorted on the decisions alone where the column is theirs, so a deep page skips
    /// decision rows instead of joined ones and joins only its own fifty (the area and organisation are foreign keys, so
    /// the join drops none and the count needs no join either). Only the local id needs the area.
    /// </summary>
    private static IQueryable<Guid> OrderIds(LandReleaseDbContext db, IQueryable<ReleaseDecision> submitted, QueueSort sort,
        bool descending)
    {
        var keys = sort == QueueSort.LocalId
            ? from d in submitted join a in db.HazardAreas on d.HazardAreaId equals a.Id select new QueueRow { Id = d.Id, AreaLocalId = a.LocalId }
            : submitted.Select(d => new QueueRow
            {
                Id = d.Id, OrganisationCode = d.OrganisationCode, Kind = d.Kind, AreaSqm = d.AreaSqm, SubmittedAt = d.SubmittedAt,
            });
        return Order(keys, sort, descending).Select(q => q.Id);
    }

    internal static IQueryable<QueueRow> Rows(LandReleaseDbContext db, IReadOnlyList<string> countries) =>
        from d in db.ReleaseDecisions.AsNoTracking()
        where countries.Contains(d.CountryCode) && d.State == DecisionState.Submitted
        join a in db.HazardAreas on d.HazardAreaId equals a.Id
        join o in db.Organisations on d.OrganisationCode equals o.Code
        select new QueueRow
        {
            Id = d.Id, CountryCode = d.CountryCode, AreaLocalId = a.LocalId, AreaName = a.Name, OrganisationCode = d.OrganisationCode,
            OrganisationName = o.Name, SubmittedAt = d.SubmittedAt, Kind = d.Kind, AreaSqm = d.AreaSqm, DateOfInformation = d.DateOfInformation,
        };

    /// <summary>By the sort column, then by id ascending in either direction.</summary>
    internal static IQueryable<QueueRow> Order(IQueryable<QueueRow> query, QueueSort sort, bool descending) => ((sort, descending) switch
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
    }).ThenBy(q => q.Id);

    internal static QueuedDecision ToDecision(QueueRow q) => new(q.Id, q.CountryCode, q.AreaLocalId, q.AreaName, q.OrganisationCode,
        q.OrganisationName, q.SubmittedAt, q.Kind, q.AreaSqm, q.DateOfInformation);
}
