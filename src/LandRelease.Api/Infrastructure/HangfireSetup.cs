using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Hangfire on the same PostgreSQL, in its own schema. The server runs in the API process by default
/// (Hangfire:Server:Enabled) and can be switched off on API nodes when dedicated workers run the jobs.
/// </summary>
internal static class HangfireSetup
{
    public const string SchemaName = "hangfire";

    /// <summary>How long a job a dead worker fetched stays hidden from the others (Hangfire:InvisibilityTimeout).</summary>
    public static readonly TimeSpan DefaultInvisibilityTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How long a lock row a cut connection left behind blocks Hangfire's schedulers (Hangfire:DistributedLockTimeout).</summary>
    public static readonly TimeSpan DefaultDistributedLockTimeout = TimeSpan.FromMinutes(1);

    public static PostgreSqlStorageOptions StorageOptions(IConfiguration configuration) => new()
    {
        SchemaName = SchemaName,
        // The owner installs and upgrades the schema (SchemaSetup); the application role may not run DDL.
        PrepareSchemaIfNecessary = false,
        // The worker running a job renews its claim every fifth of the invisibility timeout, so a job may run for
        // hours on a live worker while one a killed worker held is handed to another after the timeout.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = configuration.GetValue("Hangfire:InvisibilityTimeout", DefaultInvisibilityTimeout),
        // Hangfire.PostgreSql's locks are rows; one whose connection a database restart cut is never deleted by its holder
        // and blocks the delayed-job and recurring-job schedulers (job retries, the sweeps) until it expires, 10 minutes
        // by default. Every lock Hangfire takes is held for a moment, so a minute is ample.
        DistributedLockTimeout = configuration.GetValue("Hangfire:DistributedLockTimeout", DefaultDistributedLockTimeout),
        // The default 15 s would delay a report far behind the approval that triggers it.
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    public static IServiceCollection AddLandReleaseJobs(this IServiceCollection services, IConfiguration configuration,
        string connectionString)
    {
        // The storage is this host's own singleton, handed explicitly to the server and the dashboard:
        // Hangfire's static JobStorage.Current is shared by every host in a process (tests run several).
        var storageOptions = StorageOptions(configuration);
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions));
        // Likewise the job activator: Hangfire's default is the static JobActivator.Current, which would build this
        // host's jobs from another host's services (and database).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogging(provider.GetRequiredService<ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            // The server takes JobStorage from the container, which holds this host's own storage.
            services.AddHangfireServer((_, options) =>
            {
                options.WorkerCount = configuration.GetValue("Hangfire:Server:WorkerCount", Math.Max(2, Environment.ProcessorCount));
                // How often recurring jobs are checked: the reports' outbox sweep runs every 15 s by default.
                options.SchedulePollingInterval = configuration.GetValue("Hangfire:Server:SchedulePollingInterval", TimeSpan.FromSeconds(5));
            });
        }

        return services;
    }
}
