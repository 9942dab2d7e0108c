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
        var fromScript = await TestDatabases.CreateEmptyAsync();
        var fromMigrations = await TestDatabases.CreateAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(fromScript))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                var script = File.ReadAllText(ScriptPath);
                await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
                await new NpgsqlCommand(script, connection).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            using var db = NewContext(fromScript);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            var scripted = await SchemaAsync(fromScript);
            Assert.Contains(scripted, l => l.StartsWith("hazard_areas.remaining_geometry geometry", StringComparison.Ordinal));
            Assert.Contains("audit_log audit_log_no_update_or_delete", scripted);
            Assert.Equal(await SchemaAsync(fromMigrations), scripted);
        }
        finally
        {
            await TestDatabases.DropAsync(fromScript);
            await TestDatabases.DropAsync(fromMigrations);
        }
    }

    /// <summary>Columns, constraints, indexes and triggers of the public schema, one line each.</summary>
    private static async Task<List<string>> SchemaAsync(string connectionString)
    {
        const string sql = """
            SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(generation_expression, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
            ORDER BY 1
            """;
        var lines = new List<string>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    private static LandReleaseDbContext NewContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<LandReleaseDbContext>();
        DataServiceCollectionExtensions.Configure(options, DataServiceCollectionExtensions.CreateDataSource(connectionString));
        return new LandReleaseDbContext(options.Options);
    }

    private static string Normalise(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\uFEFF', '\n', ' ');
}
