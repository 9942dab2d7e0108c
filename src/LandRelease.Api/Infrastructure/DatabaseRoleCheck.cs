using LandRelease.Data.Roles;
using Npgsql;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// At start-up: the role the API serves requests as must own nothing, or the audit trail's protections are the API's to
/// remove. Production refuses to start (a database that cannot be reached counts as unverified); elsewhere a warning.
/// </summary>
internal static class DatabaseRoleCheck
{
    public static async Task RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseRoleCheck));
        RolePowers powers;
        try
        {
            powers = await RolePowers.ReadAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
        }
        catch (Exception e) when (!app.Environment.IsProduction() && e is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(e, "Could not check the database role's privileges at start-up.");
            return;
        }

        if (!powers.OwnsAnything)
        {
            return;
        }

        var problem = $"The API's database role '{powers.Role}' {powers.Describe()}: it could rewrite the audit trail and the "
            + "register's history. Connect as an application role that owns nothing (ConnectionStrings:LandRelease) and run "
            + "migrations as the owner (ConnectionStrings:LandReleaseOwner); see README, \"Database roles\".";
        if (app.Environment.IsProduction())
        {
            throw new InvalidOperationException(problem);
        }

        logger.LogWarning("{Problem} (allowed outside Production)", problem);
    }
}
