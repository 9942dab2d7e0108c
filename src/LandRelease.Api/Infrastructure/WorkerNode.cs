namespace LandRelease.Api.Infrastructure;

/// <summary>
/// A process that only runs jobs (Hangfire:WorkerOnly): Hangfire's server and the start-up upload resume, with no API,
/// pages or OGC routes; it answers /health alone, so a supervisor or load balancer can see it is alive. API nodes beside
/// it set Hangfire:Server:Enabled=false. README, "Deploying for real".
/// </summary>
internal static class WorkerNode
{
    public const string Setting = "Hangfire:WorkerOnly";

    public static bool IsConfigured(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static async Task<int> RunAsync(WebApplication app)
    {
        if (!app.Configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            throw new InvalidOperationException(
                $"{Setting} is true but Hangfire:Server:Enabled is false: a worker without a Hangfire server would do nothing.");
        }

        // Anonymous: the supervisor or balancer probing it has no token.
        app.MapHealthChecks("/health").AllowAnonymous();
        await DatabaseSetup.PrepareAsync(app);
        RecurringJobs.Register(app.Services, app.Configuration);
        await app.RunAsync();
        return 0;
    }
}
