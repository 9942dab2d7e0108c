using LandRelease.Api.Infrastructure;
using LandRelease.Data.Reports;
using Hangfire;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>
/// The outbox's safety net, every few seconds: refreshes each country that still has outbox rows, which only
/// happens when the enqueue after a commit was lost. A country another worker is refreshing is skipped.
/// </summary>
public sealed class ReportSweepJob(ReportRefresher refresher, TimeProvider clock, ILogger<ReportSweepJob> logger)
{
    // A sweep that fails is simply the next sweep's work; retries would only pile up behind it. Two sweeps at once
    // are harmless: each skips the countries the other holds.
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var country in await refresher.DirtyCountriesAsync(ct))
        {
            try
            {
                var outcome = await refresher.RefreshAsync(country, clock.Today(), wait: false, ct);
                if (outcome.Refreshed)
                {
                    logger.LogInformation("Sweep refreshed the reports of {Country} ({Rows} outbox rows)", country, outcome.ConsumedRows);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await refresher.RecordFailureAsync(country, e);
                logger.LogError(e, "Sweep could not refresh the reports of {Country}", country);
            }
        }
    }
}
