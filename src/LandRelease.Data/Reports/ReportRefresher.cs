using System.Diagnostics;
using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>What a refresh did: nothing to do, another process busy with the country, or the years it recomputed.</summary>
public sealed record RefreshOutcome(string CountryCode, bool Busy, long DataVersion, int ConsumedRows, int? FromYear, long Milliseconds,
    bool FirstRun = false)
{
    public bool Refreshed => FromYear is not null;
}

/// <summary>
/// The pipeline's one unit of work: bring a country's stored figures up to its outbox. Under the country's lock and
/// in one repeatable-read transaction it reads the outbox rows, refreshes the credits they reach, recomputes the
/// YEAR snapshots from the earliest affected year on and deletes exactly the rows it read; rows written meanwhile
/// stay for the next run. Running it again changes nothing; two at once take turns.
/// </summary>
public sealed class ReportRefresher(ReportDataSource reportSource)
{
    /// <summary>How many years back the stored yearly figures and the trend go.</summary>
    public const int MaxYears = 50;

    public async Task<RefreshOutcome> RefreshAsync(string countryCode, DateOnly today, bool wait, CancellationToken ct)
    {
        RefreshOutcome? outcome = null;
        var locked = await UnderLockAsync(countryCode, wait, async connection =>
        {
            await using var transaction = await ReportState.BeginAsync(connection, ct);
            outcome = await CatchUpAsync(connection, countryCode, today, ct);
            await transaction.CommitAsync(ct);
        }, ct);
        return locked ? outcome! : new RefreshOutcome(countryCode, true, 0, 0, null, 0);
    }

    /// <summary>Catches up with the outbox, then rebuilds the country from scratch and records every figure that differs.</summary>
    public async Task<RebuildOutcome> RebuildAsync(string countryCode, DateOnly today, CancellationToken ct)
    {
        RebuildOutcome? outcome = null;
        await UnderLockAsync(countryCode, true, async connection =>
        {
            await using var transaction = await ReportState.BeginAsync(connection, ct);
            var caughtUp = await CatchUpAsync(connection, countryCode, today, ct);
            // A first run has just built everything from scratch: there are no incremental figures to compare yet.
            outcome = caughtUp.FirstRun
                ? new RebuildOutcome(countryCode, 0, [], caughtUp.Milliseconds)
                : await ReportRebuild.CompareAsync(connection, countryCode, today, caughtUp.DataVersion, ct);
            await ReportState.RecordRebuildAsync(connection, countryCode, (int)outcome.Milliseconds, outcome.Differences.Count, ct);
            await transaction.CommitAsync(ct);
        }, ct);
        return outcome!;
    }

    /// <summary>Countries with outbox rows waiting.</summary>
    public async Task<IReadOnlyList<string>> DirtyCountriesAsync(CancellationToken ct) =>
        await ListAsync("SELECT DISTINCT country_code FROM report_dirty ORDER BY 1", ct);

    /// <summary>Every country the system serves.</summary>
    public async Task<IReadOnlyList<string>> CountriesAsync(CancellationToken ct) =>
        await ListAsync("SELECT code FROM countries ORDER BY 1", ct);

    public Task RecordFailureAsync(string countryCode, Exception failure) =>
        ReportState.RecordFailureAsync(reportSource.Source, countryCode, $"{failure.GetType().Name}: {failure.Message}");

    private async Task<List<string>> ListAsync(string sql, CancellationToken ct)
    {
        await using var command = reportSource.Source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private async Task<bool> UnderLockAsync(string countryCode, bool wait, Func<NpgsqlConnection, Task> work, CancellationToken ct)
    {
        await using var connection = await reportSource.Source.OpenConnectionAsync(ct);
        if (!await ReportLocks.AcquireAsync(connection, countryCode, wait, ct))
        {
            return false;
        }

        try
        {
            await work(connection);
            return true;
        }
        finally
        {
            await ReportLocks.ReleaseAsync(connection, countryCode);
        }
    }

    private static async Task<RefreshOutcome> CatchUpAsync(NpgsqlConnection connection, string countryCode, DateOnly today,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var state = await ReportState.ReadAsync(connection, countryCode, ct);
        var dirty = await ReportState.ReadDirtyAsync(connection, countryCode, ct);
        if (dirty.Count == 0 && state is not null)
        {
            return new RefreshOutcome(countryCode, false, state.Value, 0, null, clock.ElapsedMilliseconds);
        }

        var version = dirty.Count > 0 ? dirty.Max(d => d.Id) : state ?? 0;
        var since = dirty.Count > 0 ? dirty.Min(d => d.Since) : DateOnly.MaxValue;
        if (state is null)
        {
            // First run for the country: its data may predate the pipeline, so credits are built from scratch.
            await ReportRebuild.RebuildCreditsAsync(connection, countryCode, ct);
            since = DateOnly.MinValue;
        }
        else if (await ReportCreditsRefresh.RefreshAsync(connection, [.. dirty.Where(d => d.HazardAreaId is not null)
                     .Select(d => d.HazardAreaId!.Value).Distinct()], ct) is { } changed
                 && changed < since)
        {
            since = changed;
        }

        var firstYear = await ReportState.FirstYearAsync(connection, countryCode, today, ct);
        var fromYear = Math.Min(Math.Max(firstYear, since.Year), today.Year);
        await ReportYears.StoreAsync(connection, countryCode, fromYear, today.Year, version, clock, ct);
        await ReportState.ConsumeAsync(connection, countryCode, [.. dirty.Select(d => d.Id)], version, fromYear, ct);
        await ReportState.RecordRefreshAsync(connection, countryCode, version, (int)clock.ElapsedMilliseconds, ct);
        return new RefreshOutcome(countryCode, false, version, dirty.Count, fromYear, clock.ElapsedMilliseconds, state is null);
    }
}
