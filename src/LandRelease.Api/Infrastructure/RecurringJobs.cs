using Hangfire;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Api.Uploads;

namespace LandRelease.Api.Infrastructure;

/// <summary>Every recurring Hangfire job, registered here and only here, under constant ids.</summary>
internal static class RecurringJobs
{
    public const string ReportSweepId = "reports-sweep";
    public const string ReportRebuildId = "reports-nightly-rebuild";
    public const string UploadSweepId = "upload-sweep";

    /// <summary>Every 15 seconds (Hangfire's cron takes an optional seconds field); Reports:SweepCron overrides it.</summary>
    public const string DefaultReportSweepCron = "*/15 * * * * *";

    /// <summary>02:30 UTC, out of office hours across South-East Asia; Reports:RebuildCron overrides it.</summary>
    public const string DefaultReportRebuildCron = "30 2 * * *";

    /// <summary>Every minute: a merge a database restart cut is resumed within about a minute of it.</summary>
    public const string UploadSweepCron = "* * * * *";

    public static void Register(IServiceProvider services, IConfiguration configuration)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<ReportSweepJob>(ReportSweepId, job => job.RunAsync(CancellationToken.None),
            configuration["Reports:SweepCron"] ?? DefaultReportSweepCron, utc);
        recurring.AddOrUpdate<ReportRebuildJob>(ReportRebuildId, job => job.RunAsync(CancellationToken.None),
            configuration["Reports:RebuildCron"] ?? DefaultReportRebuildCron, utc);
        // Only where a server runs: a merge resumed by a host that runs no jobs would never be picked up.
        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            recurring.AddOrUpdate<UploadSweepJob>(UploadSweepId, job => job.RunAsync(CancellationToken.None), UploadSweepCron);
        }
    }
}
