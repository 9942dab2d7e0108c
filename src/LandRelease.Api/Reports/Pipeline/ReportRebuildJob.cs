using Hangfire;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>
/// Nightly: rebuilds every country's figures from scratch and records each figure that differs from what the
/// incremental pipeline had stored (GET /api/reports/status shows them). The rebuilt figures are kept.
/// </summary>
public sealed class ReportRebuildJob(ReportRefresher refresher, TimeProvider clock, ILogger<ReportRebuildJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(6 * 3600)]
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var country in await refresher.CountriesAsync(ct))
        {
            try
            {
                var outcome = await refresher.RebuildAsync(country, clock.Today(), ct);
                if (outcome.Differences.Count > 0)
                {
                    logger.LogWarning("Rebuild of {Country}: {Count} figures differed from the incremental ones", country,
                        outcome.Differences.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await refresher.RecordFailureAsync(country, e);
                throw;
            }
        }
    }
}
