using Hangfire;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>The reporting pipeline's recurring jobs, registered in one place under constant ids.</summary>
internal static class ReportJobs
{
    public const string SweepId = "reports-sweep";
    public const string RebuildId = "reports-nightly-rebuild";

    /// <summary>Every 15 seconds (Hangfire's cron takes an optional seconds field).</summary>
    public const string DefaultSweepCron = "*/15 * * * * *";

    /// <summary>02:30 UTC, out of office hours across South-East Asia.</summary>
    public const string DefaultRebuildCron = "30 2 * * *";

    public static void Register(IServiceProvider services, IConfiguration configuration)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<ReportSweepJob>(SweepId, job => job.RunAsync(CancellationToken.None),
            configuration["Reports:SweepCron"] ?? DefaultSweepCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<ReportRebuildJob>(RebuildId, job => job.RunAsync(CancellationToken.None),
            configuration["Reports:RebuildCron"] ?? DefaultRebuildCron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
