using Hangfire;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>
/// Refreshes one country's stored figures from its outbox. Takes the country code only; safe to run twice or on two
/// workers at once (the refresh takes the country's lock and a second run finds nothing left to do).
/// </summary>
public sealed class CountryReportJob(ReportRefresher refresher, TimeProvider clock, ILogger<CountryReportJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task RunAsync(string countryCode, CancellationToken ct)
    {
        try
        {
            var outcome = await refresher.RefreshAsync(countryCode, clock.Today(), wait: true, ct);
            if (outcome.Refreshed)
            {
                logger.LogInformation("Reports of {Country} refreshed from {Year} to data version {Version} in {Ms} ms",
                    countryCode, outcome.FromYear, outcome.DataVersion, outcome.Milliseconds);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await refresher.RecordFailureAsync(countryCode, e);
            throw;
        }
    }
}
