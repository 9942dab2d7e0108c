using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>
/// A merge the database itself stopped for a reason a retry would meet again (a statement past statement_timeout, a
/// full disk): the upload ends FAILED with that reason, and its staged rows go. The merge's own transaction rolled
/// back, so what was stored is exactly what earlier committed parts reported; the problem says which case it is.
/// </summary>
public static class UploadMergeFailure
{
    /// <summary>The reason a user can act on, by SQLSTATE; null for a failure a retry may cure (a restart, a lost link).</summary>
    public static string? ReasonFor(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.QueryCanceled =>
            "one of its database statements ran longer than the database allows (statement_timeout) and was stopped",
        PostgresErrorCodes.LockNotAvailable => "it waited too long for areas another task was changing (lock_timeout)",
        PostgresErrorCodes.DiskFull => "the database server's disk is full",
        PostgresErrorCodes.OutOfMemory => "the database server ran out of memory",
        _ => null,
    };

    private const string Fail = """
        WITH dropped AS (DELETE FROM upload_staged_areas WHERE upload_id = $1),
             stored AS (SELECT count(*)::int AS reported, (count(*) FILTER (WHERE outcome = 'REJECTED'))::int AS rejected
                        FROM upload_features WHERE upload_id = $1)
        UPDATE uploads u SET state = 'FAILED', finished_at = clock_timestamp(), processed = s.reported,
                             accepted = s.reported - s.rejected, rejected = s.rejected, problem_status = 503,
                             problem = jsonb_build_object(
                                 'type', 'https://landrelease.org/problems/upload-merge-stopped',
                                 'code', 'upload-merge-stopped',
                                 'title', 'The database stopped the upload',
                                 'status', 503,
                                 'detail', CASE WHEN s.reported = 0
                                     THEN format('The upload was read and checked, but the database stopped storing it: %s. Nothing of it was stored. Tell your administrator, and send the file again once they have dealt with it.', $2::text)
                                     ELSE format('The database stopped storing the upload: %s. %s of the %s features had been stored and are in the report; the others were not. Tell your administrator, and send the file again once they have dealt with it: the features already stored come back UNCHANGED.', $2::text, s.reported, u.total)
                                 END)
        FROM stored s
        WHERE u.id = $1 AND u.state IN ('QUEUED', 'PROCESSING')
        """;

    public static async Task RecordAsync(NpgsqlDataSource dataSource, Guid uploadId, string reason, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Fail);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
        await command.ExecuteNonQueryAsync(ct);
    }
}
