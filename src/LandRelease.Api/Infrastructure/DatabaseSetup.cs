using LandRelease.Api.Samples;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// Schema and reference data at start-up (Database:MigrateOnStartup) or by the `migrate` command, run with the owner's
/// connection (ConnectionStrings:LandReleaseOwner); production may instead apply migrations/landrelease.sql and then
/// run `migrate` for the rest. Samples load as the application role, like any other write.
/// </summary>
internal static class DatabaseSetup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var connections = services.GetRequiredService<DatabaseConnections>();
        if (connections.Owner is null)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup)).LogWarning(
                "No ConnectionStrings:LandReleaseOwner: migrating as the application role {Role}, which then owns every table. "
                + "Fine for development only; see README, \"Database roles\".", connections.ApplicationRole);
        }

        await SchemaSetup.ApplyAsync(connections.Migrating, connections.Owner is null ? null : connections.ApplicationRole, ct);
    }

    public static async Task PrepareAsync(WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            await MigrateAsync(app.Services);
        }

        await DatabaseRoleCheck.RunAsync(app);
        if (app.Configuration["Samples:LoadFrom"] is { Length: > 0 } samples)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadAsync(samples, CancellationToken.None);
        }
    }
}
