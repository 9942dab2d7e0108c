using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>An outbox row as the pipeline reads it.</summary>
internal sealed record DirtyRow(long Id, DateOnly Since, Guid? HazardAreaId);

/// <summary>The pipeline's bookkeeping in SQL: outbox rows, the country's data version, its runs.</summary>
internal static class ReportState
{
    /// <summary>
    /// A repeatable-read transaction for report work, without PostgreSQL's JIT: the figure queries are costed high
    /// (geometry functions in subqueries) and JIT compiled them for seconds while running them takes milliseconds.
    /// </summary>
    public static async Task<NpgsqlTransaction> BeginAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var command = new NpgsqlCommand("SET LOCAL jit = off", connection);
        await command.ExecuteNonQueryAsync(ct);
        return transaction;
    }

    /// <summary>The data version of a country's stored figures; null until its first refresh.</summary>
    public static async Task<long?> ReadAsync(NpgsqlConnection connection, string countryCode, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT data_version FROM report_countries WHERE country_code = $1 AND refreshed_at IS NOT NULL", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        return await command.ExecuteScalarAsync(ct) is long version ? version : null;
    }

    public static async Task<List<DirtyRow>> ReadDirtyAsync(NpgsqlConnection connection, string countryCode, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, since, hazard_area_id FROM report_dirty WHERE country_code = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        var rows = new List<DirtyRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new DirtyRow(reader.GetInt64(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetGuid(2)));
        }

        return rows;
    }

    /// <summary>The first year the country has any data for, at most <see cref="ReportRefresher.MaxYears"/> back.</summary>
    public static async Task<int> FirstYearAsync(NpgsqlConnection connection, string countryCode, DateOnly today, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT extract(year FROM least(
                (SELECT min(date_of_information) FROM hazard_area_versions WHERE country_code = $1 AND isfinite(date_of_information)),
                (SELECT min(date_of_information) FROM report_credits WHERE country_code = $1 AND isfinite(date_of_information))))::int
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        var first = await command.ExecuteScalarAsync(ct) is int year ? year : today.Year;
        return Math.Clamp(first, today.Year - ReportRefresher.MaxYears + 1, today.Year);
    }

    /// <summary>
    /// Deletes the outbox rows reflected, and carries the years the change cannot reach over to the new version: their
    /// figures are those of the new data too. Other stored reports of older versions will never be asked for again.
    /// </summary>
    public static async Task ConsumeAsync(NpgsqlConnection connection, string countryCode, long[] dirtyIds, long version,
        int fromYear, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM report_dirty WHERE id = ANY($1)")
                {
                    Parameters = { new NpgsqlParameter<long[]> { TypedValue = dirtyIds } },
                },
                new NpgsqlBatchCommand("""
                    UPDATE report_snapshots SET data_version = $2
                    WHERE country_code = $1 AND kind = 'YEAR' AND period_from < make_date($3, 1, 1) AND data_version <> $2
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string> { TypedValue = countryCode },
                        new NpgsqlParameter<long> { TypedValue = version },
                        new NpgsqlParameter<int> { TypedValue = fromYear },
                    },
                },
                new NpgsqlBatchCommand($"""
                    DELETE FROM report_snapshots
                    WHERE country_code = $1 AND kind <> 'YEAR' AND data_version < $2 AND NOT {ReportSnapshots.Settled}
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string> { TypedValue = countryCode },
                        new NpgsqlParameter<long> { TypedValue = version },
                    },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct);
    }

    public static async Task RecordRefreshAsync(NpgsqlConnection connection, string countryCode, long version, int milliseconds,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO report_countries (country_code, data_version, refreshed_at, refresh_ms) VALUES ($1, $2, now(), $3)
            ON CONFLICT (country_code) DO UPDATE SET data_version = excluded.data_version, refreshed_at = excluded.refreshed_at,
                refresh_ms = excluded.refresh_ms, failed_at = NULL, failure = NULL
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = milliseconds });
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task RecordRebuildAsync(NpgsqlConnection connection, string countryCode, int milliseconds, int differences,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE report_countries SET rebuilt_at = now(), rebuild_ms = $2, rebuild_differences = $3 WHERE country_code = $1",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = milliseconds });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = differences });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Recorded outside the failed run's transaction, which has rolled back.</summary>
    public static async Task RecordFailureAsync(NpgsqlDataSource dataSource, string countryCode, string failure)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO report_countries (country_code, data_version, failed_at, failure) VALUES ($1, 0, now(), $2)
            ON CONFLICT (country_code) DO UPDATE SET failed_at = excluded.failed_at, failure = excluded.failure
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = failure.Length > 4000 ? failure[..4000] : failure });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
