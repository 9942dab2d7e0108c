using LandRelease.Api.Infrastructure;
using Npgsql;

namespace LandRelease.Api.Tests.Infrastructure;

/// <summary>
/// A migrated, seeded template database made once per test run; each test class gets a fresh copy
/// (CREATE DATABASE ... TEMPLATE copies files, far faster than migrating again, and the catalog with them: owners and
/// grants). The server is the one `./landrelease test` starts: the owner role (ConnectionStrings__LandReleaseOwner)
/// creates, migrates and drops the databases, and the API runs as the application role (ConnectionStrings__LandRelease).
/// </summary>
public static class TestDatabases
{
    private const string TestPrefix = "lr_test_";

    // Per run, stamped with its start (minutes since 1970), so a run drops only leftovers old enough to be
    // dead and never the databases of another run that is still going against the same server.
    private static readonly long RunStartMinutes = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;
    private static readonly string RunPrefix = $"{TestPrefix}{RunStartMinutes}_{Guid.NewGuid().ToString("N")[..6]}_";
    private const long LeftoverAgeMinutes = 180;
    private static readonly string TemplateName = RunPrefix + "template";
    private static readonly Lazy<Task> Template = new(CreateTemplateAsync);

    /// <summary>The owner role's connection to the server's own database.</summary>
    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__LandReleaseOwner")
        ?? "Host=127.0.0.1;Port=55432;Database=landrelease;Username=landrelease;Password=landrelease";

    private static readonly NpgsqlConnectionStringBuilder Application = new(
        Environment.GetEnvironmentVariable("ConnectionStrings__LandRelease")
        ?? "Host=127.0.0.1;Port=55432;Database=landrelease;Username=landrelease_app;Password=landrelease_app");

    /// <summary>The role the API connects as in every test: it owns nothing and has the grants the migrate step gives.</summary>
    public static string ApplicationRole { get; } = Application.Username!;

    /// <summary>The same database as <paramref name="connectionString"/>, as the application role.</summary>
    public static string AsApplication(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = Application.Username, Password = Application.Password }.ConnectionString;

    /// <summary>A fresh copy of the template; the owner's connection string to it.</summary>
    public static async Task<string> CreateAsync()
    {
        await Template.Value;
        var name = RunPrefix + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        return ConnectionStringFor(name);
    }

    /// <summary>A database with PostGIS (from template1) and nothing else.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        await Template.Value;
        var name = RunPrefix + "empty_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionStringFor(name);
    }

    /// <summary>A name for a database a test makes itself (a restore's target), dropped with this run's leftovers.</summary>
    public static string NewName(string purpose) => RunPrefix + purpose + "_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Drops a test database. An autovacuum worker may be visiting it, and the test role cannot end that
    /// process, so a few retries follow; a database still left is removed by a later run as a leftover.
    /// </summary>
    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 10)
                {
                    return;
                }

                await Task.Delay(200 * attempt);
            }
        }
    }

    /// <summary>Drops this run's template once every test class is done (later runs would otherwise remove it as a leftover).</summary>
    public static async Task DropTemplateAsync()
    {
        if (Template.IsValueCreated && Template.Value.IsCompletedSuccessfully)
        {
            await DropAsync(ConnectionStringFor(TemplateName));
        }
    }

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true }.ConnectionString;

    private static async Task CreateTemplateAsync()
    {
        await using (var admin = new NpgsqlConnection(ConnectionStringFor("postgres")))
        {
            await admin.OpenAsync();
            var leftovers = new List<string>();
            await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{TestPrefix}%' AND datname NOT LIKE '{RunPrefix}%'", admin))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    leftovers.Add(reader.GetString(0));
                }
            }

            // Leftovers of crashed runs; a database still in use belongs to a live run and stays.
            foreach (var name in leftovers.Where(IsOldLeftover))
            {
                try
                {
                    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", admin).ExecuteNonQueryAsync();
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                }
            }

            await new NpgsqlCommand($"CREATE DATABASE {TemplateName}", admin).ExecuteNonQueryAsync();
        }

        // What `migrate` does in production: migrations, countries, Hangfire's schema, the application role's grants.
        await SchemaSetup.ApplyAsync(ConnectionStringFor(TemplateName), ApplicationRole);

        // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template.
        NpgsqlConnection.ClearAllPools();
    }

    private static bool IsOldLeftover(string database)
    {
        var stamp = database[TestPrefix.Length..].Split('_')[0];
        return !long.TryParse(stamp, out var started) || RunStartMinutes - started > LeftoverAgeMinutes;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
