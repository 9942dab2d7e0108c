using LandRelease.Data.Releases;
using LandRelease.Data.Reports;
using LandRelease.Data.Uploads;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LandRelease.Data.HazardAreas;

/// <summary>
/// Every write of a hazardous area, in one place: what happens when an area changes. Whatever the door (POST or PUT
/// /api/hazard-areas, an upload's set-based merge, a status move after a release decision or an activity), a change is
/// one transaction holding the area row, its version row, its audit row (<see cref="HazardAreaAudit"/>, built from
/// the version rows), the reports' outbox row (<see cref="ReportDirty"/>) and, for a new outline of an area with
/// released land, its recount (<see cref="ReleaseCounting"/>); after the commit, the country's report refresh is
/// enqueued (<see cref="IReportTrigger"/>). Callers check requests and rules first; this class only writes.
/// </summary>
public sealed class HazardAreaWriter(LandReleaseDbContext db, IReportTrigger reports, IServiceScopeFactory scopes)
{
    public const string CreateAction = "CREATE";
    public const string ReviseAction = "REVISE";
    public const string StatusAction = "STATUS";

    /// <summary>Registers a new area; refused when its country already has the local id.</summary>
    public async Task<HazardAreaWrite> CreateAsync(HazardArea area, CancellationToken ct)
    {
        var existing = await db.HazardAreas.AsNoTracking()
            .Where(a => a.CountryCode == area.CountryCode && a.LocalId == area.LocalId)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is { } existingId)
        {
            return new HazardAreaWrite.Duplicate(existingId);
        }

        db.HazardAreas.Add(area);
        db.HazardAreaVersions.Add(area.Snapshot());
        db.ReportDirty.Add(ReportDirty.Mark(area.CountryCode, area.DateOfInformation, area.Id, CreateAction, area.RecordedAt));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await HazardAreaAudit.RecordAsync(db, area.Id, area.Version, CreateAction, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request registered the same local id between our check and our insert.
            return new HazardAreaWrite.Duplicate(Guid.Empty);
        }

        reports.CountryChanged(area.CountryCode);
        return new HazardAreaWrite.Stored(area.Id);
    }

    /// <summary>Stores an area the caller loaded (tracked) and revised from <paramref name="expectedVersion"/>.</summary>
    public async Task<HazardAreaWrite> ReviseAsync(HazardArea area, int expectedVersion, CancellationToken ct)
    {
        db.HazardAreaVersions.Add(area.Snapshot());
        // The new version holds from its date of information on; what it does to released land already counted
        // (a new outline clips it differently) the pipeline finds by comparing credits.
        db.ReportDirty.Add(ReportDirty.Mark(area.CountryCode, area.DateOfInformation, area.Id, ReviseAction, area.RecordedAt));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await HazardAreaAudit.RecordAsync(db, area.Id, area.Version, ReviseAction, ct);
            // A new outline changes what remains of the area once its released land is taken away.
            await ReleaseCounting.RecomputeAsync(db, area.Id, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
                                           || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else wrote the same version first (seen as a changed token, or as their version row
            // already holding our version number); our transaction rolled back whole.
            return new HazardAreaWrite.Stale(expectedVersion + 1);
        }

        reports.CountryChanged(area.CountryCode);
        return new HazardAreaWrite.Stored(area.Id);
    }

    /// <summary>
    /// Stores a status the area moved to (<see cref="HazardArea.ReflectRelease"/>, <see cref="HazardArea.ReflectWork"/>)
    /// inside the caller's transaction, which writes the outbox row of the release or activity that moved it and
    /// enqueues the refresh after its commit. Saves the caller's pending changes with it.
    /// </summary>
    public static async Task RecordStatusAsync(LandReleaseDbContext db, HazardArea area, CancellationToken ct)
    {
        db.HazardAreaVersions.Add(area.Snapshot());
        await db.SaveChangesAsync(ct);
        await HazardAreaAudit.RecordAsync(db, area.Id, area.Version, StatusAction, ct);
    }

    /// <summary>
    /// Merges an upload's staged areas (<see cref="HazardAreaMerge"/>): in one transaction when atomic or small, else in
    /// parts of <paramref name="partFeatures"/>, <paramref name="parallelism"/> at a time on their own connections, each
    /// whole and followed by its report refresh. Null when the upload is finished or unknown, or another merger holds it.
    /// </summary>
    public async Task<HazardAreaMerge.Result?> MergeUploadAsync(Guid uploadId, int partFeatures, int parallelism, CancellationToken ct)
    {
        await using var held = await UploadMergeLock.TryTakeAsync(db, uploadId, ct);
        if (held is null)
        {
            return null;
        }

        var parts = await HazardAreaMerge.PartsAsync(db, uploadId, partFeatures, ct);
        if (parts is null)
        {
            return null;
        }

        if (parts.Count <= 1)
        {
            var result = await HazardAreaMerge.MergeAsync(db, uploadId, ct);
            Tell(result?.Changed ?? []);
            return result;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(parts, parallel, async (range, token) => await MergePartAsync(uploadId, range, token));
        return await HazardAreaMerge.FinishAsync(db, uploadId, ct);
    }

    /// <summary>Cuts a staged upload into parts and marks it PROCESSING (the first step of a parted merge).</summary>
    public Task<IReadOnlyList<HazardAreaMerge.IndexRange>?> PartsAsync(Guid uploadId, int partFeatures, CancellationToken ct) =>
        HazardAreaMerge.PartsAsync(db, uploadId, partFeatures, ct);

    /// <summary>Merges one part in its own transaction, on its own connection, and tells the reports once it is committed.</summary>
    public async Task MergePartAsync(Guid uploadId, HazardAreaMerge.IndexRange range, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var partDb = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        Tell(await HazardAreaMerge.MergePartAsync(partDb, uploadId, range, ct));
    }

    private void Tell(IReadOnlyList<string> countries)
    {
        foreach (var country in countries)
        {
            reports.CountryChanged(country);
        }
    }
}
