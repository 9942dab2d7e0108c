using LandRelease.Api.Tests.Infrastructure;
using Npgsql;

namespace LandRelease.Api.Tests.Privileges;

/// <summary>The test databases under two roles: the owner must still be able to drop a clone the application is using.</summary>
public sealed class TestDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOwnerDropsACloneWhileTheApplicationRoleIsConnectedToIt()
    {
        var owner = await TestDatabases.CreateAsync();
        var name = new NpgsqlConnectionStringBuilder(owner).Database!;
        await using var application = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabases.AsApplication(owner)) { Pooling = false }.ConnectionString);
        await application.OpenAsync(Ct);

        await TestDatabases.DropAsync(owner);

        await using var server = new NpgsqlConnection(TestDatabases.ConnectionStringFor("postgres"));
        await server.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", server);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        Assert.Equal(0L, await command.ExecuteScalarAsync(Ct));
    }
}
