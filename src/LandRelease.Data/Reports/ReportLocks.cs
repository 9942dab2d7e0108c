using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// One refresh of a country at a time, across every API and worker process: a PostgreSQL advisory lock held on
/// the session, so the refresh's own transaction can start its snapshot after the lock is granted (a repeatable-read
/// snapshot taken while waiting would not see what the previous holder committed).
/// </summary>
internal static class ReportLocks
{
    // The first key of the two-key advisory lock space: "RPT" in ASCII, so other uses of advisory locks never collide.
    private const int Space = 0x525054;

    public static async Task<bool> AcquireAsync(NpgsqlConnection connection, string countryCode, bool wait, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            wait ? "SELECT pg_advisory_lock($1, hashtext($2))::text IS NULL" : "SELECT pg_try_advisory_lock($1, hashtext($2))",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Space });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        var result = await command.ExecuteScalarAsync(ct);
        return wait || result is true;
    }

    /// <summary>Always called: pooled connections are not reset on return, so a lock left held would outlive the job.</summary>
    public static async Task ReleaseAsync(NpgsqlConnection connection, string countryCode)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1, hashtext($2))", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Space });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
