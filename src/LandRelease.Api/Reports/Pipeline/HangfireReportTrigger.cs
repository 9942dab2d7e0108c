using Hangfire;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>
/// Enqueues the country's refresh right after the commit, so a report follows an approval within about a second.
/// Losing this enqueue (a crash, storage down) loses nothing: the outbox row was committed with the change, and
/// the sweep enqueues what is left.
/// </summary>
internal sealed class HangfireReportTrigger(IBackgroundJobClient jobs, ILogger<HangfireReportTrigger> logger) : IReportTrigger
{
    public void CountryChanged(string countryCode)
    {
        try
        {
            jobs.Enqueue<CountryReportJob>(job => job.RunAsync(countryCode, CancellationToken.None));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not enqueue the report refresh of {Country}; the sweep will pick it up", countryCode);
        }
    }
}
