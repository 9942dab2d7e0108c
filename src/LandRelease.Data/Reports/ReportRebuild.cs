using System.Diagnostics;
using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>A figure the rebuild found different: the incremental value and the rebuilt one.</summary>
public sealed record FigureDifference(int Year, string Figure, double? Incremental, double? Rebuilt);

/// <summary>What a rebuild found for one country.</summary>
public sealed record RebuildOutcome(string CountryCode, int DifferingCredits, IReadOnlyList<FigureDifference> Differences,
    long Milliseconds);

/// <summary>
/// The nightly check of the incremental pipeline: credits worked out again from every decision by clusters, every
/// year recomputed, each figure compared with what the pipeline had stored, differences recorded, the rebuilt
/// figures kept.
/// </summary>
internal static class ReportRebuild
{
    /// <summary>Replaces a country's credits with ones built from scratch; returns how many decisions' credits differed.</summary>
    public static async Task<int> RebuildCreditsAsync(NpgsqlConnection connection, string countryCode, CancellationToken ct)
    {
        string[] countries = [countryCode];
        await Execute(connection, ReportRebuildSql.Credits, countries, ct);
        await using var count = new NpgsqlCommand(ReportRebuildSql.DifferingCredits, connection);
        count.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = countries });
        var differing = (int)(long)(await count.ExecuteScalarAsync(ct))!;
        foreach (var sql in ReportRebuildSql.Replace)
        {
            await Execute(connection, sql, sql.Contains("$1", StringComparison.Ordinal) ? countries : null, ct);
        }

        return differing;
    }

    /// <summary>Inside the caller's transaction and lock, with the incremental figures current.</summary>
    public static async Task<RebuildOutcome> CompareAsync(NpgsqlConnection connection, string countryCode, DateOnly today,
        long version, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var stored = await ReportYears.ReadAsync(connection, countryCode, ct);
        var differingCredits = await RebuildCreditsAsync(connection, countryCode, ct);
        var firstYear = await ReportState.FirstYearAsync(connection, countryCode, today, ct);
        var rebuilt = await ReportYears.StoreAsync(connection, countryCode, firstYear, today.Year, version, clock, ct);

        var differences = new List<FigureDifference>();
        if (differingCredits > 0)
        {
            differences.Add(new FigureDifference(0, "credits.decisionsDiffering", 0, differingCredits));
        }

        foreach (var year in rebuilt)
        {
            // A year the pipeline never stored (a new calendar year without changes yet) has nothing to compare.
            if (!stored.TryGetValue(year.Bucket.From.Year, out var before))
            {
                continue;
            }

            foreach (var (name, value) in year.Values)
            {
                double? incremental = before.TryGetValue(name, out var v) ? v : null;
                if (incremental is not { } i || Differs(name, i, value))
                {
                    differences.Add(new FigureDifference(year.Bucket.From.Year, name, incremental, value));
                }
            }
        }

        await RecordAsync(connection, countryCode, differences, ct);
        return new RebuildOutcome(countryCode, differingCredits, differences, clock.ElapsedMilliseconds);
    }

    /// <summary>Counts must agree exactly; m² within a hundredth of a m² or 10⁻⁹ of the figure (overlay rounding).</summary>
    private static bool Differs(string name, double incremental, double rebuilt) =>
        FigureNames.IsCount(name)
            ? incremental != rebuilt
            : Math.Abs(incremental - rebuilt) > Math.Max(0.01, Math.Abs(rebuilt) * 1e-9);

    private static async Task RecordAsync(NpgsqlConnection connection, string countryCode, List<FigureDifference> differences,
        CancellationToken ct)
    {
        if (differences.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO report_differences (country_code, year, figure, incremental, rebuilt, found_at)
            SELECT $1, d.year, d.figure, d.incremental, d.rebuilt, now()
            FROM unnest($2::int[], $3::text[], $4::float8[], $5::float8[]) AS d(year, figure, incremental, rebuilt)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. differences.Select(d => d.Year)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. differences.Select(d => d.Figure)] });
        command.Parameters.Add(new NpgsqlParameter<double?[]> { TypedValue = [.. differences.Select(d => d.Incremental)] });
        command.Parameters.Add(new NpgsqlParameter<double?[]> { TypedValue = [.. differences.Select(d => d.Rebuilt)] });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, string[]? countries, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (countries is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = countries });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
