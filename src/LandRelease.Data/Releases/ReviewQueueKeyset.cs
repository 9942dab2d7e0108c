using System.Globalization;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.Releases;

/// <summary>Where a page of the queue ended: the sort column's value, as invariant text (empty: not submitted-dated), and the id.</summary>
public sealed record QueueKey(string Value, Guid Id);

/// <summary>
/// The review queue a page at a time after a key, for the API: the same rows and order as <see cref="ReviewQueue"/> (the
/// sort column, then the id ascending, which keeps pages from overlapping), but keyset paging, so a page deep in a long
/// queue costs what the first does and a decision submitted meanwhile is neither skipped nor seen twice.
/// </summary>
public static class ReviewQueueKeyset
{
    public static async Task<List<QueuedDecision>> AfterAsync(LandReleaseDbContext db, IReadOnlyList<string> countries,
        QueueSort sort, bool descending, QueueKey? after, int take, CancellationToken ct)
    {
        var query = ReviewQueue.Rows(db, countries);
        if (after is { } key)
        {
            query = After(query, sort, descending, key);
        }

        var rows = await ReviewQueue.Order(query, sort, descending).Take(take).ToListAsync(ct);
        return [.. rows.Select(ReviewQueue.ToDecision)];
    }

    /// <summary>The row's key under the sort, as <see cref="TryRead"/> reads it back.</summary>
    public static QueueKey KeyOf(QueuedDecision row, QueueSort sort) => new(sort switch
    {
        QueueSort.LocalId => row.AreaLocalId,
        QueueSort.Organisation => row.OrganisationCode,
        QueueSort.Kind => WireName<ReleaseKind>.Of(row.Kind),
        QueueSort.Area => row.AreaSqm.ToString("R", CultureInfo.InvariantCulture),
        _ => row.SubmittedAt?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "",
    }, row.Id);

    /// <summary>Whether the value is one <see cref="KeyOf"/> could have written for the sort.</summary>
    public static bool TryRead(QueueSort sort, string value) => sort switch
    {
        QueueSort.Kind => WireName<ReleaseKind>.TryParse(value, out _),
        QueueSort.Area => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d),
        QueueSort.Submitted => value.Length == 0 || Ticks(value) is not null,
        _ => true,
    };

    private static IQueryable<QueueRow> After(IQueryable<QueueRow> q, QueueSort sort, bool descending, QueueKey key)
    {
        var (v, id) = (key.Value, key.Id);
        switch (sort)
        {
            case QueueSort.LocalId:
                return descending
                    ? q.Where(r => string.Compare(r.AreaLocalId, v) < 0 || (r.AreaLocalId == v && r.Id.CompareTo(id) > 0))
                    : q.Where(r => string.Compare(r.AreaLocalId, v) > 0 || (r.AreaLocalId == v && r.Id.CompareTo(id) > 0));
            case QueueSort.Organisation:
                return descending
                    ? q.Where(r => string.Compare(r.OrganisationCode, v) < 0 || (r.OrganisationCode == v && r.Id.CompareTo(id) > 0))
                    : q.Where(r => string.Compare(r.OrganisationCode, v) > 0 || (r.OrganisationCode == v && r.Id.CompareTo(id) > 0));
            case QueueSort.Kind:
                // Kinds are stored as their wire names and sorted as text; the kinds past this one, in that order.
                var kind = WireName<ReleaseKind>.Parse(v);
                var later = Enum.GetValues<ReleaseKind>()
                    .Where(k => string.CompareOrdinal(WireName<ReleaseKind>.Of(k), v) is var c && (descending ? c < 0 : c > 0)).ToList();
                return q.Where(r => later.Contains(r.Kind) || (r.Kind == kind && r.Id.CompareTo(id) > 0));
            case QueueSort.Area:
                var sqm = double.Parse(v, CultureInfo.InvariantCulture);
                return descending
                    ? q.Where(r => r.AreaSqm < sqm || (r.AreaSqm == sqm && r.Id.CompareTo(id) > 0))
                    : q.Where(r => r.AreaSqm > sqm || (r.AreaSqm == sqm && r.Id.CompareTo(id) > 0));
            default:
                // PostgreSQL puts a missing date last going up and first going down.
                if (Ticks(v) is not { } ticks)
                {
                    return descending
                        ? q.Where(r => r.SubmittedAt != null || r.Id.CompareTo(id) > 0)
                        : q.Where(r => r.SubmittedAt == null && r.Id.CompareTo(id) > 0);
                }

                var at = new DateTimeOffset(ticks, TimeSpan.Zero);
                return descending
                    ? q.Where(r => r.SubmittedAt < at || (r.SubmittedAt == at && r.Id.CompareTo(id) > 0))
                    : q.Where(r => r.SubmittedAt > at || (r.SubmittedAt == at && r.Id.CompareTo(id) > 0) || r.SubmittedAt == null);
        }
    }

    private static long? Ticks(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTimeOffset.MinValue.UtcTicks
            && t <= DateTimeOffset.MaxValue.UtcTicks ? t : null;
}
