using Hangfire;
using Hangfire.PostgreSql;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Hangfire on the same PostgreSQL, in its own schema. The server runs in the API process by default
/// (Hangfire:Server:Enabled) and can be switched off on API nodes when dedicated workers run the jobs.
/// </summary>
internal static class HangfireSetup
{
    public static IServiceCollection AddLandReleaseJobs(this IServiceCollection services, IConfiguration configuration,
        string connectionString)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                // Without it a job outliving the invisibility timeout is started again on another worker.
                UseSlidingInvisibilityTimeout = true,
                // The default 15 s would delay a report far behind the approval that triggers it.
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));

        if (configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            services.AddHangfireServer(options =>
                options.WorkerCount = configuration.GetValue("Hangfire:Server:WorkerCount", Math.Max(2, Environment.ProcessorCount)));
        }

        return services;
    }
}
