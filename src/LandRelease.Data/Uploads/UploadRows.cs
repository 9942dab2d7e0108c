using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>The uploads row through an upload's life, each step one statement on its own short transaction.</summary>
public sealed class UploadRows(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records a new upload. With an idempotency key already used by the same requester, nothing is written and
    /// the first upload's id is returned instead (racing requests meet on the unique index: one inserts, the other
    /// waits for its commit and then finds it).
    /// </summary>
    public async Task<(Guid Id, bool Created)> ReceiveAsync(Upload upload, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO uploads (id, country_code, organisation_code, kind, atomic, file_name, idempotency_key, state,
                                 total, processed, accepted, rejected, created_at, created_by, created_by_organisation)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'RECEIVING', 0, 0, 0, 0, $8, $9, $10)
            ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = upload.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.CountryCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.OrganisationCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = WireName<UploadKind>.Of(upload.Kind) });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = upload.Atomic });
        command.Parameters.Add(Text(upload.FileName));
        command.Parameters.Add(Text(upload.IdempotencyKey));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = upload.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.CreatedBy });
        command.Parameters.Add(Text(upload.CreatedByOrganisation));
        if (await command.ExecuteNonQueryAsync(ct) == 1)
        {
            return (upload.Id, true);
        }

        await using var find = dataSource.CreateCommand("SELECT id FROM uploads WHERE created_by = $1 AND idempotency_key = $2");
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.CreatedBy });
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.IdempotencyKey! });
        return ((Guid)(await find.ExecuteScalarAsync(ct))!, false);
    }

    /// <summary>
    /// Uploads of the same organisation still being read that were recorded before this one. Each request counts only
    /// those before it, so two racing requests cannot both refuse each other.
    /// </summary>
    public async Task<long> CountReceivingBeforeAsync(Upload upload, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM uploads
            WHERE organisation_code = $1 AND state = 'RECEIVING' AND (created_at, id) < ($2, $3)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = upload.OrganisationCode });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = upload.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = upload.Id });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Every feature is staged: the upload waits for its merge.</summary>
    public async Task QueueAsync(Guid id, int total, string format, string? crs, string requestSha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET state = 'QUEUED', total = $2, processed = $2, format = $3, crs = $4, request_sha256 = $5
            WHERE id = $1 AND state = 'RECEIVING'
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = total });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = format });
        command.Parameters.Add(Text(crs));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = requestSha256 });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What the file turned out to be, once read (the activity path, which closes the upload itself).</summary>
    public async Task DescribeAsync(Guid id, string format, string? crs, string requestSha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE uploads SET format = $2, crs = $3, request_sha256 = $4 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = format });
        command.Parameters.Add(Text(crs));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = requestSha256 });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Removes an upload whose file never arrived whole (nothing of it was staged or stored).</summary>
    public async Task ForgetAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM uploads WHERE id = $1 AND state = 'RECEIVING'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The whole upload is refused (an unreadable file, an unknown CRS): the problem is kept for replays.</summary>
    public async Task FailAsync(Guid id, int status, string problemJson, string? requestSha256, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET state = 'FAILED', problem_status = $2, problem = $3::jsonb, request_sha256 = $4,
                               finished_at = clock_timestamp()
            WHERE id = $1 AND state = 'RECEIVING'
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = status });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = problemJson });
        command.Parameters.Add(Text(requestSha256));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A varchar parameter that may be null.</summary>
    /// <summary>
    /// Uploads still RECEIVING that were created before <paramref name="before"/>: their request ended without
    /// finishing the file (its staging rolled back with it), so they are marked FAILED. Returns how many.
    /// </summary>
    public async Task<int> FailAbandonedAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE uploads SET state = 'FAILED', problem_status = 400, finished_at = clock_timestamp(),
                problem = jsonb_build_object('type', 'https://landrelease.org/problems/upload-abandoned', 'status', 400,
                    'code', 'upload-abandoned', 'title', 'The upload did not arrive',
                    'detail', 'The file stopped arriving before its end; nothing of it was stored. Send it again.')
            WHERE state = 'RECEIVING' AND created_at < $1
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before });
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Text(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Varchar };
}
