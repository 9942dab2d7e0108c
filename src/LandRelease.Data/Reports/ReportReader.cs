using System.Diagnostics;
using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// Serves reports from stored snapshots, computing and storing them when asked for the first time at a data version.
/// A report always reflects every change committed before the request: a country with outbox rows waiting is
/// refreshed first (the same work the job does, under the same lock), and the snapshot is read in one
/// repeatable-read transaction that sees no waiting rows, so its data version says exactly what it reflects.
/// </summary>
public sealed class ReportReader(ReportDataSource reportSource, ReportRefresher refresher)
{
    /// <summary>Years of trend shown with a report.</summary>
    public const int TrendYears = 20;

    private const int Attempts = 3;

    public Task<StoredReport> CountryAsync(string countryCode, DateOnly from, DateOnly to, DateOnly? asAt, DateOnly today,
        CancellationToken ct) =>
        ConsistentAsync(countryCode, today, (connection, version, recomputedFromYear) =>
            CountryAsync(connection, countryCode, from, to, asAt, today, version, recomputedFromYear, ct), ct);

    private static async Task<StoredReport> CountryAsync(NpgsqlConnection connection, string countryCode, DateOnly from, DateOnly to,
        DateOnly? asAt, DateOnly today, long version, int? recomputedFromYear, CancellationToken ct)
    {
        // A YEAR snapshot was read as stored unless this request's own refresh recomputed that year.
        var stored = recomputedFromYear is not { } recomputed || from.Year < recomputed;
        if (asAt is null && from == new DateOnly(from.Year, 1, 1) && to == new DateOnly(from.Year, 12, 31)
            && await ReportSnapshots.FindAsync(connection, countryCode, ReportKinds.Year, from, to, null, version, stored, ct) is { } year)
        {
            var trend = await ReportSnapshots.TrendAsync(connection, countryCode, from.Year - TrendYears + 1, from.Year, version, ct);
            return year with { Document = new ReportDocument { Values = year.Document.Values, Map = year.Document.Map, AdminAreas = year.Document.AdminAreas, Trend = trend } };
        }

        return await ReportSnapshots.FindAsync(connection, countryCode, ReportKinds.Period, from, to, asAt, version, true, ct)
            ?? await ComputePeriodAsync(connection, countryCode, from, to, asAt, today, version, ct);
    }

    /// <summary>
    /// A calendar year of a country for the regional comparison: its figures with their trend, and the first year the
    /// country reported anything, read in the same transaction so both reflect the same data version.
    /// </summary>
    public Task<(StoredReport Report, int? ReportedSince)> CountryYearAsync(string countryCode, int year, DateOnly today,
        CancellationToken ct) =>
        ConsistentAsync(countryCode, today, async (connection, version, recomputedFromYear) =>
        {
            var bucket = ReportYears.Bucket(year);
            var report = await CountryAsync(connection, countryCode, bucket.From, bucket.To, null, today, version, recomputedFromYear, ct);
            return (report, await ReportCoverage.FirstYearAsync(connection, countryCode, ct));
        }, ct);

    /// <summary>The first year the country recorded anything (null: never), so a page can say "no data reported".</summary>
    public async Task<int?> ReportedSinceAsync(string countryCode, CancellationToken ct)
    {
        await using var connection = await reportSource.Source.OpenConnectionAsync(ct);
        return await ReportCoverage.FirstYearAsync(connection, countryCode, ct);
    }

    /// <summary>A treaty table of a calendar year: the year's figures and the areas holding <paramref name="contamination"/>.</summary>
    public Task<StoredReport> TreatyAsync(string countryCode, string kind, string contamination, int year, DateOnly today,
        CancellationToken ct) =>
        ConsistentAsync(countryCode, today, async (connection, version, _) =>
        {
            var bucket = ReportYears.Bucket(year);
            if (await ReportSnapshots.FindAsync(connection, countryCode, kind, bucket.From, bucket.To, null, version, true, ct) is { } stored)
            {
                return stored;
            }

            var clock = Stopwatch.StartNew();
            var values = (await ReportSnapshots.FindAsync(connection, countryCode, ReportKinds.Year, bucket.From, bucket.To, null, version, true, ct))
                ?.Document.Values
                ?? (await ReportFiguresQuery.ComputeAsync(connection, countryCode, [bucket], null, [], ct))[0].Values;
            var areas = await ReportFiguresQuery.AreasAsync(connection, countryCode, bucket, contamination, ct);
            return await ReportSnapshots.StoreAsync(connection, countryCode, kind, bucket.From, bucket.To, null, version,
                new ReportDocument { Values = values, Areas = areas }, (int)clock.ElapsedMilliseconds, ct);
        }, ct);

    private static async Task<StoredReport> ComputePeriodAsync(NpgsqlConnection connection, string countryCode, DateOnly from,
        DateOnly to, DateOnly? asAt, DateOnly today, long version, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var firstYear = await ReportState.FirstYearAsync(connection, countryCode, today, ct);
        var trendFrom = Math.Min(Math.Max(firstYear, to.Year - TrendYears + 1), to.Year);
        List<ReportBucket> buckets = [new(from, to), .. Enumerable.Range(trendFrom, to.Year - trendFrom + 1)
            .Select(y => new ReportBucket(new DateOnly(y, 1, 1), y == to.Year ? to : new DateOnly(y, 12, 31)))];
        // As at a date: what had been recorded by the end of that day (UTC).
        DateTimeOffset? knownBefore = asAt is { } a ? new DateTimeOffset(a.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        var figures = await ReportFiguresQuery.ComputeAsync(connection, countryCode, buckets, knownBefore, [0], ct);
        var document = new ReportDocument
        {
            Values = figures[0].Values, Map = figures[0].Map, AdminAreas = figures[0].AdminAreas, Trend = [.. figures.Skip(1).Select(TrendYear.Of)],
        };
        return await ReportSnapshots.StoreAsync(connection, countryCode, ReportKinds.Period, from, to, asAt, version, document,
            (int)clock.ElapsedMilliseconds, ct);
    }

    /// <summary>
    /// Runs <paramref name="read"/> in a repeatable-read transaction that sees the country's figures current, refreshing
    /// the country first when its outbox holds rows (or it was never refreshed). A writer may slip in between refresh
    /// and read; after a few attempts the read goes ahead and its data version still says what it reflects. The read
    /// learns the first year this request's refreshes recomputed (null: none).
    /// </summary>
    private async Task<T> ConsistentAsync<T>(string countryCode, DateOnly today,
        Func<NpgsqlConnection, long, int?, Task<T>> read, CancellationToken ct)
    {
        int? recomputedFromYear = null;
        for (var attempt = 1; ; attempt++)
        {
            await using (var connection = await reportSource.Source.OpenConnectionAsync(ct))
            await using (var transaction = await ReportState.BeginAsync(connection, ct))
            {
                var version = await ReportState.ReadAsync(connection, countryCode, ct);
                if (version is { } v && (attempt >= Attempts || !await ReportSnapshots.PendingAsync(connection, countryCode, ct)))
                {
                    var report = await read(connection, v, recomputedFromYear);
                    await transaction.CommitAsync(ct);
                    return report;
                }
            }

            if (attempt > Attempts)
            {
                throw new InvalidOperationException($"The figures of {countryCode} could not be brought up to date.");
            }

            var outcome = await refresher.RefreshAsync(countryCode, today, wait: true, ct);
            if (outcome.FromYear is { } fromYear && fromYear < (recomputedFromYear ?? int.MaxValue))
            {
                recomputedFromYear = fromYear;
            }
        }
    }
}
