using Npgsql;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The two database roles: the application role the API serves requests as (ConnectionStrings:LandRelease), and the
/// owner that runs migrations (ConnectionStrings:LandReleaseOwner). Without an owner connection the API migrates as
/// itself and grants nothing: one role, for development only.
/// </summary>
internal sealed record DatabaseConnections(string Application, string? Owner, string ApplicationRole)
{
    public const string ApplicationName = "LandRelease";
    public const string OwnerName = "LandReleaseOwner";

    public static DatabaseConnections From(IConfiguration configuration)
    {
        var application = configuration.GetConnectionString(ApplicationName)
            ?? throw new InvalidOperationException(
                "Set the connection string ConnectionStrings:LandRelease (environment: ConnectionStrings__LandRelease).");
        var owner = configuration.GetConnectionString(OwnerName) is { Length: > 0 } o ? o : null;
        var role = configuration["Database:ApplicationRole"] is { Length: > 0 } r
            ? r
            : new NpgsqlConnectionStringBuilder(application).Username
              ?? throw new InvalidOperationException("Name the application role: a Username in ConnectionStrings:LandRelease, or Database:ApplicationRole.");
        return new DatabaseConnections(application, owner, role);
    }

    /// <summary>The connection migrations run with: the owner's, or the application's when no owner is configured.</summary>
    public string Migrating => Owner ?? Application;
}
