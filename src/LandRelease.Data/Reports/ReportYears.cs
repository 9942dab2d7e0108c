using System.Diagnostics;
using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>The pipeline's stored product: one YEAR snapshot per country and calendar year, with everything recorded.</summary>
internal static class ReportYears
{
    public static ReportBucket Bucket(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Recomputes the years from <paramref name="fromYear"/> to <paramref name="toYear"/> and replaces their snapshots.</summary>
    public static async Task<IReadOnlyList<BucketFigures>> StoreAsync(NpgsqlConnection connection, string countryCode, int fromYear,
        int toYear, long version, Stopwatch clock, CancellationToken ct)
    {
        var buckets = Enumerable.Range(fromYear, toYear - fromYear + 1).Select(Bucket).ToList();
        var figures = await ReportFiguresQuery.ComputeAsync(connection, countryCode, buckets, null,
            [.. Enumerable.Range(0, buckets.Count)], ct);

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "DELETE FROM report_snapshots WHERE country_code = $1 AND kind = 'YEAR' AND period_from >= $2")
        {
            Parameters =
            {
                new NpgsqlParameter<string> { TypedValue = countryCode },
                new NpgsqlParameter<DateOnly> { TypedValue = buckets[0].From },
            },
        });
        foreach (var year in figures)
        {
            batch.BatchCommands.Add(ReportSnapshots.Insert(countryCode, ReportKinds.Year, year.Bucket.From, year.Bucket.To, null,
                version, new ReportDocument { Values = year.Values, Map = year.Map, AdminAreas = year.AdminAreas }, (int)clock.ElapsedMilliseconds));
        }

        await batch.ExecuteNonQueryAsync(ct);
        return figures;
    }

    /// <summary>The stored YEAR figures of a country, by year.</summary>
    public static async Task<Dictionary<int, SortedDictionary<string, double>>> ReadAsync(NpgsqlConnection connection,
        string countryCode, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT extract(year FROM period_from)::int, figures::text FROM report_snapshots WHERE country_code = $1 AND kind = 'YEAR'",
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        var years = new Dictionary<int, SortedDictionary<string, double>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            years[reader.GetInt32(0)] = ReportDocument.FromJson(reader.GetString(1)).Values;
        }

        return years;
    }
}
