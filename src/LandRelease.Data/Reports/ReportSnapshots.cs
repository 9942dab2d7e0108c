using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>A report as served: the stored snapshot, and whether this request found it stored or had to compute it.</summary>
public sealed record StoredReport(string CountryCode, string Kind, DateOnly From, DateOnly To, DateOnly? AsAt, long DataVersion,
    DateTimeOffset ComputedAt, int ComputeMs, bool FromStore, ReportDocument Document);

/// <summary>Reading and writing report_snapshots.</summary>
internal static class ReportSnapshots
{
    /// <summary>
    /// A report as at a day that had ended when it was computed can never change: everything recorded by the end of
    /// that day was recorded then (records carry the real time they were made). It stays valid at later data versions.
    /// </summary>
    public const string Settled = "(as_at IS NOT NULL AND computed_at >= (as_at + 1)::timestamp AT TIME ZONE 'UTC')";

    public static NpgsqlBatchCommand Insert(string countryCode, string kind, DateOnly from, DateOnly to, DateOnly? asAt, long version,
        ReportDocument document, int milliseconds) => new("""
            INSERT INTO report_snapshots (country_code, kind, period_from, period_to, as_at, data_version, figures, computed_at, compute_ms)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now(), $8)
            ON CONFLICT (country_code, kind, period_from, period_to, as_at, data_version) DO NOTHING
            """)
    {
        Parameters =
        {
            new NpgsqlParameter<string> { TypedValue = countryCode },
            new NpgsqlParameter<string> { TypedValue = kind },
            new NpgsqlParameter<DateOnly> { TypedValue = from },
            new NpgsqlParameter<DateOnly> { TypedValue = to },
            new NpgsqlParameter<DateOnly?> { TypedValue = asAt, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date },
            new NpgsqlParameter<long> { TypedValue = version },
            new NpgsqlParameter<string> { TypedValue = document.ToJson() },
            new NpgsqlParameter<int> { TypedValue = milliseconds },
        },
    };

    /// <summary>Stores a computed report and reads back what is stored under its key (another request may have been first).</summary>
    public static async Task<StoredReport> StoreAsync(NpgsqlConnection connection, string countryCode, string kind, DateOnly from,
        DateOnly to, DateOnly? asAt, long version, ReportDocument document, int milliseconds, CancellationToken ct)
    {
        await using (var batch = new NpgsqlBatch(connection) { BatchCommands = { Insert(countryCode, kind, from, to, asAt, version, document, milliseconds) } })
        {
            await batch.ExecuteNonQueryAsync(ct);
        }

        return (await FindAsync(connection, countryCode, kind, from, to, asAt, version, false, ct))!;
    }

    public static async Task<StoredReport?> FindAsync(NpgsqlConnection connection, string countryCode, string kind, DateOnly from,
        DateOnly to, DateOnly? asAt, long version, bool fromStore, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT figures::text, computed_at, compute_ms, data_version FROM report_snapshots
            WHERE country_code = $1 AND kind = $2 AND period_from = $3 AND period_to = $4 AND as_at IS NOT DISTINCT FROM $5
              AND (data_version = $6 OR {Settled})
            ORDER BY data_version DESC LIMIT 1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kind });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = to });
        command.Parameters.Add(new NpgsqlParameter<DateOnly?> { TypedValue = asAt, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StoredReport(countryCode, kind, from, to, asAt, reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetInt32(2), fromStore, ReportDocument.FromJson(reader.GetString(0)))
            : null;
    }

    /// <summary>The figures of the stored YEAR snapshots from <paramref name="fromYear"/> to <paramref name="toYear"/>, without their maps.</summary>
    public static async Task<List<TrendYear>> TrendAsync(NpgsqlConnection connection, string countryCode, int fromYear, int toYear,
        long version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT period_from, period_to, (figures -> 'values')::text FROM report_snapshots
            WHERE country_code = $1 AND kind = 'YEAR' AND as_at IS NULL AND data_version = $2
              AND period_from BETWEEN make_date($3, 1, 1) AND make_date($4, 1, 1)
            ORDER BY period_from
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = fromYear });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = toYear });
        var trend = new List<TrendYear>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, double>>(reader.GetString(2))!;
            trend.Add(TrendYear.Of(new ReportBucket(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1)), values));
        }

        return trend;
    }

    public static async Task<bool> PendingAsync(NpgsqlConnection connection, string countryCode, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM report_dirty WHERE country_code = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
