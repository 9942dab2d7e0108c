using LandRelease.Data.Common;
using LandRelease.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

using LandRelease.Data.Uploads;

namespace LandRelease.Data.HazardAreas;

/// <summary>
/// Moves an upload's staged hazardous areas into the register, set-based: new local ids become areas, known ones new
/// versions, each with its version row and audit row; then each feature's outcome row is written and the staging rows
/// go. <see cref="MergeAsync"/> does it in one transaction; a large upload that is not atomic may instead be merged
/// in parts (<see cref="PartsAsync"/>, <see cref="MergePartAsync"/> on several connections at once, then
/// <see cref="FinishAsync"/>). Running any of them again for merged rows does nothing, so jobs may be retried.
/// <see cref="HazardAreaWriter"/> calls them and tells the reports after each commit.
/// </summary>
public static class HazardAreaMerge
{
    /// <param name="Changed">The countries whose outbox the transaction wrote to (their reports are due a refresh).</param>
    public sealed record Result(int Accepted, int Rejected, bool Applied, IReadOnlyList<string> Changed);

    /// <summary>Feature indexes from <paramref name="From"/> (included) to <paramref name="To"/> (excluded).</summary>
    public readonly record struct IndexRange(int From, int To)
    {
        public static readonly IndexRange All = new(int.MinValue, int.MaxValue);
    }

    public static async Task<Result?> MergeAsync(LandReleaseDbContext db, Guid uploadId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = Run.Of(db, transaction, uploadId);
        var upload = await LockUploadAsync(run, ct);
        if (upload is not { State: not ("DONE" or "FAILED") } open)
        {
            return null;
        }

        await run.ExecuteAsync(HazardAreaMergeSql.MarkProcessing, ct);
        await CheckAsync(run, IndexRange.All, ct);
        if (open.Atomic && await run.ScalarAsync<bool>(HazardAreaMergeSql.AnyRejected, IndexRange.All, ct))
        {
            await run.ExecuteAsync(HazardAreaMergeSql.RecordAtomicOutcomes, IndexRange.All, ct);
            await FinishFailedAsync(run, ct);
            await run.ExecuteAsync(HazardAreaMergeSql.DropStaged, IndexRange.All, ct);
            var counts = await CountsAsync(run, ct);
            await transaction.CommitAsync(ct);
            return counts with { Applied = false, Changed = [] };
        }

        var changed = await ApplyAsync(db, run, IndexRange.All, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.FinishDone, ct);
        var result = await CountsAsync(run, ct);
        await transaction.CommitAsync(ct);
        return result with { Changed = changed };
    }

    /// <summary>
    /// Marks the upload PROCESSING and cuts its staged rows into ranges of <paramref name="partSize"/> features (none
    /// when every row is merged). One range when the upload is atomic: all or nothing takes one transaction. Null when
    /// the upload is finished or unknown.
    /// </summary>
    public static async Task<IReadOnlyList<IndexRange>?> PartsAsync(LandReleaseDbContext db, Guid uploadId, int partSize,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = Run.Of(db, transaction, uploadId);
        var upload = await LockUploadAsync(run, ct);
        if (upload is not { State: not ("DONE" or "FAILED") } open)
        {
            return null;
        }

        await run.ExecuteAsync(HazardAreaMergeSql.MarkProcessing, ct);
        var ranges = open.Atomic ? [IndexRange.All] : await RangesAsync(run, partSize, ct);
        await transaction.CommitAsync(ct);
        return ranges;
    }

    private static async Task<List<IndexRange>> RangesAsync(Run run, int partSize, CancellationToken ct)
    {
        await using var command = run.Command(HazardAreaMergeSql.Ranges);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Max(1, partSize) });
        var ranges = new List<IndexRange>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ranges.Add(new IndexRange(reader.GetInt32(0), reader.GetInt32(1)));
        }

        return ranges;
    }

    /// <summary>
    /// Merges one range of a non-atomic upload in its own transaction. Ranges of one upload share no area (a local id
    /// appears once in an upload), so parts may run at the same time on separate connections.
    /// </summary>
    /// <returns>The countries whose reports the part changed.</returns>
    public static async Task<IReadOnlyList<string>> MergePartAsync(LandReleaseDbContext db, Guid uploadId, IndexRange range,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = Run.Of(db, transaction, uploadId);
        await CheckAsync(run, range, ct);
        var changed = await ApplyAsync(db, run, range, ct);
        await transaction.CommitAsync(ct);
        return changed;
    }

    /// <summary>Marks the upload DONE once no staged row is left; null while some part is still unmerged.</summary>
    public static async Task<Result?> FinishAsync(LandReleaseDbContext db, Guid uploadId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var run = Run.Of(db, transaction, uploadId);
        var upload = await LockUploadAsync(run, ct);
        if (upload is null || await run.ScalarAsync<bool>(HazardAreaMergeSql.AnyStaged, ct))
        {
            return null;
        }

        if (upload.Value.State is not ("DONE" or "FAILED"))
        {
            await run.ExecuteAsync(HazardAreaMergeSql.FinishDone, ct);
        }

        var result = await CountsAsync(run, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>The checks that need the register as it is now: stale revisions, taken local ids, revisions that change nothing.</summary>
    private static async Task CheckAsync(Run run, IndexRange range, CancellationToken ct)
    {
        await run.ExecuteAsync(HazardAreaMergeSql.LockRevisedAreas, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.RejectStaleRevisions, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.RejectTakenLocalIds, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.MarkUnchanged, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.KeepStatus, range, ct);
    }

    private static async Task<IReadOnlyList<string>> ApplyAsync(LandReleaseDbContext db, Run run, IndexRange range, CancellationToken ct)
    {
        await run.ExecuteAsync(HazardAreaMergeSql.ReviseAreas, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.CreateAreas, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.RecordVersionsAndAudit, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.KeepTraverses, range, ct);
        var changed = await run.StringsAsync(HazardAreaMergeSql.MarkReportsDirty, range, ct);

        // A new outline of an area that already has released land changes what remains of it: recount those few.
        foreach (var areaId in await RevisedWithReleasesAsync(run, range, ct))
        {
            await StepClock.TimeAsync("RecountReleases", () => ReleaseCounting.RecomputeAsync(db, areaId, ct));
        }

        await run.ExecuteAsync(HazardAreaMergeSql.RecordOutcomes, range, ct);
        await run.ExecuteAsync(HazardAreaMergeSql.DropStaged, range, ct);
        return changed;
    }

    private static async Task FinishFailedAsync(Run run, CancellationToken ct)
    {
        int total, rejected;
        await using (var counts = run.Command(HazardAreaMergeSql.OutcomeCounts))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            (total, rejected) = (reader.GetInt32(0), reader.GetInt32(1));
        }

        await using var finish = run.Command(HazardAreaMergeSql.FinishFailed);
        finish.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AtomicRefusal.ProblemJson(rejected, total) });
        finish.Parameters.Add(new NpgsqlParameter<int> { TypedValue = total });
        finish.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rejected });
        await finish.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(string State, bool Atomic)?> LockUploadAsync(Run run, CancellationToken ct)
    {
        await using var command = run.Command("SELECT state, atomic FROM uploads WHERE id = $1 FOR UPDATE");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetBoolean(1)) : null;
    }

    private static async Task<List<Guid>> RevisedWithReleasesAsync(Run run, IndexRange range, CancellationToken ct)
    {
        await using var command = run.Command(HazardAreaMergeSql.RevisedWithReleases, range);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<Result> CountsAsync(Run run, CancellationToken ct)
    {
        await using var command = run.Command("SELECT accepted, rejected, state = 'DONE' FROM uploads WHERE id = $1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Result(reader.GetInt32(0), reader.GetInt32(1), reader.GetBoolean(2), []);
    }

    /// <summary>One upload's statements on one connection and transaction.</summary>
    private sealed record Run(NpgsqlConnection Connection, NpgsqlTransaction? Transaction, Guid UploadId)
    {
        public static Run Of(LandReleaseDbContext db, IDbContextTransaction transaction, Guid uploadId) =>
            new((NpgsqlConnection)db.Database.GetDbConnection(), transaction.GetDbTransaction() as NpgsqlTransaction, uploadId);

        public NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, Connection, Transaction);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = UploadId });
            return command;
        }

        public NpgsqlCommand Command(string sql, IndexRange range)
        {
            var command = Command(sql);
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = range.From });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = range.To });
            return command;
        }

        public async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = Command(sql);
            await StepClock.TimeAsync(HazardAreaMergeSql.NameOf(sql), () => command.ExecuteNonQueryAsync(ct));
        }

        public async Task ExecuteAsync(string sql, IndexRange range, CancellationToken ct)
        {
            await using var command = Command(sql, range);
            await StepClock.TimeAsync(HazardAreaMergeSql.NameOf(sql), () => command.ExecuteNonQueryAsync(ct));
        }

        public async Task<IReadOnlyList<string>> StringsAsync(string sql, IndexRange range, CancellationToken ct)
        {
            await using var command = Command(sql, range);
            return await StepClock.TimeAsync(HazardAreaMergeSql.NameOf(sql), async () =>
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                var values = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    values.Add(reader.GetString(0));
                }

                return values.Distinct().ToList();
            });
        }

        public async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
        {
            await using var command = Command(sql);
            return (T)(await command.ExecuteScalarAsync(ct))!;
        }

        public async Task<T> ScalarAsync<T>(string sql, IndexRange range, CancellationToken ct)
        {
            await using var command = Command(sql, range);
            return (T)(await command.ExecuteScalarAsync(ct))!;
        }
    }
}
