using LandRelease.Data.Reports;
using LandRelease.Domain.AdminAreas;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Data.AdminAreas;

/// <summary>
/// Every write of an administrative area, in one place. A load is one transaction, serialised per country: each area
/// is created, revised (a new version) or left unchanged by its code; version rows, audit rows (built in SQL from the
/// version rows, <see cref="AdminAreaAudit"/>) and the reports' outbox row go with it, and the country's report refresh
/// is enqueued after the commit (new boundaries place every year's figures anew). Callers check the rules first.
/// </summary>
public sealed class AdminAreaWriter(LandReleaseDbContext db, IReportTrigger reports)
{
    public const string CreateAction = "CREATE";
    public const string ReviseAction = "REVISE";

    /// <summary>What the load did to each area, in the order given.</summary>
    public sealed record Written(Guid Id, FeatureAction Action);

    /// <summary>What a load did, or, when a changed area would share land with another of its level, the overlaps (and nothing written).</summary>
    public sealed record Loaded(IReadOnlyList<Written> Areas, IReadOnlyList<AdminAreaOverlap> Overlaps);

    public async Task<Loaded> LoadAsync(string countryCode, IReadOnlyList<AdminAreaDetails> areas, Actor actor,
        DateTimeOffset at, Guid? uploadId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two loads of one country at once take turns, so a code is created once and versions follow one another.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended('admin_areas:' || {countryCode}, 0))", ct);
        var codes = areas.Select(a => a.Code).ToList();
        var stored = await db.AdminAreas.Where(a => a.CountryCode == countryCode && codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, ct);
        var written = new List<Written>(areas.Count);
        var versions = new List<AdminAreaVersion>();
        foreach (var details in areas)
        {
            if (!stored.TryGetValue(details.Code, out var area))
            {
                area = AdminArea.Create(Guid.CreateVersion7(), countryCode, details, actor, at, uploadId);
                db.AdminAreas.Add(area);
                versions.Add(area.Snapshot());
                written.Add(new Written(area.Id, FeatureAction.Created));
            }
            else if (area.Revise(details, actor, at, uploadId))
            {
                versions.Add(area.Snapshot());
                written.Add(new Written(area.Id, FeatureAction.Updated));
            }
            else
            {
                written.Add(new Written(area.Id, FeatureAction.Unchanged));
            }
        }

        if (versions.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            // Checked on the stored rows, under the country's lock: against the file's other areas and those loaded before.
            var overlaps = await AdminAreaOverlaps.OfAsync(db, countryCode, [.. areas.Where((_, i) => written[i].Action != FeatureAction.Unchanged)
                .Select(a => a.Code)], ct);
            if (overlaps.Count > 0)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new Loaded([], overlaps);
            }

            db.AdminAreaVersions.AddRange(versions);
            // Boundaries place the figures of every year, not those from a date on.
            db.ReportDirty.Add(ReportDirty.Mark(countryCode, new DateOnly(1900, 1, 1), null, "ADMIN_AREAS", at));
            await db.SaveChangesAsync(ct);
            await AdminAreaAudit.RecordAsync(db, [.. versions.Select(v => v.AdminAreaId)], [.. versions.Select(v => v.Version)], ct);
        }

        await transaction.CommitAsync(ct);
        if (versions.Count > 0)
        {
            reports.CountryChanged(countryCode);
        }

        return new Loaded(written, []);
    }
}
