using LandRelease.Data.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>
/// Moves an upload's staged hazardous areas into the register in one transaction, set-based: new local ids become
/// areas, known ones new versions, each with its version row and audit row; then the per-feature report is written
/// and the staging rows go. Running it again for a finished upload does nothing, so the job may be retried.
/// </summary>
public static class HazardAreaMerge
{
    public sealed record Result(int Accepted, int Rejected, bool Applied);

    public static async Task<Result?> MergeAsync(LandReleaseDbContext db, Guid uploadId, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = transaction.GetDbTransaction() as NpgsqlTransaction;

        var upload = await LockUploadAsync(connection, tx, uploadId, ct);
        if (upload is null)
        {
            return null;
        }

        var (state, atomic) = upload.Value;
        if (state is "DONE" or "FAILED")
        {
            return null;
        }

        await ExecuteAsync(connection, tx, MergeSql.MarkProcessing, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.LockRevisedAreas, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.RejectStaleRevisions, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.RejectTakenLocalIds, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.MarkUnchanged, uploadId, ct);

        if (atomic && await ScalarAsync<bool>(connection, tx, MergeSql.AnyRejected, uploadId, ct))
        {
            await ExecuteAsync(connection, tx, MergeSql.ReportAtomicFailure, uploadId, ct);
            await ExecuteAsync(connection, tx, MergeSql.FinishFailed, uploadId, ct);
            await ExecuteAsync(connection, tx, MergeSql.DropStaged, uploadId, ct);
            var counts = await CountsAsync(connection, tx, uploadId, ct);
            await transaction.CommitAsync(ct);
            return counts with { Applied = false };
        }

        await ExecuteAsync(connection, tx, MergeSql.AuditRevisions, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.ReviseAreas, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.CreateAreas, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.RecordVersions, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.KeepTraverses, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.AuditCreations, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.MarkReportsDirty, uploadId, ct);

        // A new outline of an area that already has released land changes what remains of it: recount those few.
        foreach (var areaId in await RevisedWithReleasesAsync(connection, tx, uploadId, ct))
        {
            await ReleaseCounting.RecomputeAsync(db, areaId, ct);
        }

        await ExecuteAsync(connection, tx, MergeSql.Report, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.FinishDone, uploadId, ct);
        await ExecuteAsync(connection, tx, MergeSql.DropStaged, uploadId, ct);
        var result = await CountsAsync(connection, tx, uploadId, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static async Task<(string State, bool Atomic)?> LockUploadAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        Guid uploadId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT state, atomic FROM uploads WHERE id = $1 FOR UPDATE", connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetBoolean(1)) : null;
    }

    private static async Task<List<Guid>> RevisedWithReleasesAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        Guid uploadId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(MergeSql.RevisedWithReleases, connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static async Task<Result> CountsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid uploadId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT accepted, rejected, state = 'DONE' FROM uploads WHERE id = $1", connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Result(reader.GetInt32(0), reader.GetInt32(1), reader.GetBoolean(2));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Guid uploadId,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, Guid uploadId,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
