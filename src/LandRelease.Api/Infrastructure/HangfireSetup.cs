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

    private static readonly PostgreSqlStorageOptions StorageOptions = new()
    {
        SchemaName = SchemaName,
        // The owner installs and upgrades the schema (SchemaSetup); the application role may not run DDL.
        PrepareSchemaIfNecessary = false,
        // Without it a job outliving the invisibility timeout is started again on another worker.
        UseSlidingInvisibilityTimeout = true,
        // The default 15 s would delay a report far behind the approval that triggers it.
        QueuePollInterval = TimeSpan.FromSeconds(1),
    };

    public static IServiceCollection AddLandReleaseJobs(this IServiceCollection services, IConfiguration configuration,
        string connectionString)
    {
        // The storage is this host's own singleton, handed explicitly to the server and the dashboard:
        // Hangfire's static JobStorage.Current is shared by every host in a process (tests run several).
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, StorageOptions), StorageOptions));
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
