using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace LandRelease.Api.Tests.Schema;

/// <summary>The hand-applicable SQL script must say exactly what the migrations say, and must run.</summary>
public sealed class MigrationScriptTests
{
    private static readonly string ScriptPath = Path.Combine(Repository.Root, "migrations", "landrelease.sql");

    [Fact]
    public void CheckedInScriptMatchesTheMigrations()
    {
        using var db = NewContext(TestDatabases.ServerConnectionString);
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var checkedIn = File.ReadAllText(ScriptPath);
        Assert.True(Normalise(generated) == Normalise(checkedIn),
            "migrations/landrelease.sql is out of date: run ./landrelease migrations-script and commit the result.");
    }

    [Fact]
    public async Task ScriptBuildsTheSameSchemaAsTheMigrationsAndCanRunTwice()
    {
        var connectionString = await TestDatabases.CreateEmptyAsync();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var script = File.ReadAllText(ScriptPath);
            await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            using var db = NewContext(connectionString);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            var columns = await new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'hazard_areas'",
                connection).ExecuteScalarAsync(TestContext.Current.CancellationToken);
            Assert.Equal(17L, columns);
        }
        finally
        {
            await TestDatabases.DropAsync(connectionString);
        }
    }

    private static LandReleaseDbContext NewContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<LandReleaseDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.CreateDataSource(connectionString));
        return new LandReleaseDbContext(options.Options);
    }

    private static string Normalise(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
