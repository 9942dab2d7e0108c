using LandRelease.Api.Infrastructure;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// A PostgreSQL 15 + PostGIS cluster of the test's own (the binaries `./landrelease` installs), on its own port, with the
/// owner and application roles `./landrelease db start` creates and a migrated database: a test may restart it, or
/// fill its disk, without touching the cluster every other test shares.
/// </summary>
public sealed class PrivateCluster : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Database = "landrelease";
    private readonly string _directory;

    private PrivateCluster(string directory, int port)
    {
        _directory = directory;
        Port = port;
        var owner = new NpgsqlConnectionStringBuilder(TestDatabases.ServerConnectionString);
        OwnerConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Database = Database, Username = owner.Username, Password = owner.Password,
        }.ConnectionString;
        ConnectionString = TestDatabases.AsApplication(OwnerConnectionString);
    }

    public int Port { get; }

    /// <summary>Run once the server has stopped, before its folder goes (unmounting what a test mounted in it).</summary>
    public List<Func<Task>> AfterStop { get; } = [];

    /// <summary>The application role's connection, which the API and worker processes get.</summary>
    public string ConnectionString { get; }

    public string OwnerConnectionString { get; }

    /// <summary>A folder the cluster's owner (postgres, when the tests run as root) may write to, removed with the cluster.</summary>
    public string Directory => _directory;

    /// <summary>The server's log so far, for failure messages.</summary>
    public string Log => File.Exists(Path.Combine(_directory, "postgresql.log")) ? File.ReadAllText(Path.Combine(_directory, "postgresql.log")) : "";

    private string Data => Path.Combine(_directory, "data");

    private string SuperuserConnectionString => $"Host={_directory};Port={Port};Database={Database};Username=postgres;Pooling=false";

    public static async Task<PrivateCluster> StartAsync()
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine("/var/tmp", "landrelease-cluster-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }

        var cluster = new PrivateCluster(directory, ServiceProcess.FreePort());
        await AsOwnerAsync(Path.Combine(Bin, "initdb"), "-D", cluster.Data, "-U", "postgres", "--encoding=UTF8",
            "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256");
        await File.AppendAllTextAsync(Path.Combine(cluster.Data, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {cluster.Port}
            unix_socket_directories = '{directory}'
            max_connections = 100
            shared_buffers = 64MB
            fsync = off
            timezone = 'UTC'

            """);
        await cluster.PgCtlAsync("start");
        var app = new NpgsqlConnectionStringBuilder(cluster.ConnectionString);
        var owner = new NpgsqlConnectionStringBuilder(cluster.OwnerConnectionString);
        await cluster.SuperuserAsync("postgres", $"""
            CREATE ROLE {owner.Username} LOGIN CREATEDB PASSWORD '{owner.Password}';
            CREATE ROLE {app.Username} LOGIN NOCREATEDB NOCREATEROLE PASSWORD '{app.Password}';
            GRANT {app.Username} TO {owner.Username};
            """);
        // Not in a transaction block, so a statement of its own.
        await cluster.SuperuserAsync("postgres", $"CREATE DATABASE {Database} OWNER {owner.Username}");
        await cluster.SuperuserAsync(Database, "CREATE EXTENSION postgis");
        await SchemaSetup.ApplyAsync(cluster.OwnerConnectionString, app.Username);
        return cluster;
    }

    /// <summary>`pg_ctl restart`: every connection is cut, and the server is back a moment later.</summary>
    public async Task RestartAsync(string mode = "fast")
    {
        await PgCtlAsync("restart", "-m", mode);
        // The test's own pooled connections were cut too (the nodes' pools are the thing under test).
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>SQL as the superuser (over the socket), for what no role of the application may do: tablespaces.</summary>
    public async Task SuperuserAsync(string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(SuperuserConnectionString) { Database = database };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task SuperuserAsync(string sql) => SuperuserAsync(Database, sql);

    /// <summary>Runs a command as the cluster's owner: postgres when the tests run as root (initdb refuses root).</summary>
    public static Task<string> AsOwnerAsync(string file, params string[] arguments) =>
        Environment.UserName == "root"
            ? ExternalTool.RunAsync("/usr/sbin/runuser", ["-u", "postgres", "--", file, .. arguments])
            : ExternalTool.RunAsync(file, arguments);

    private Task<string> PgCtlAsync(string action, params string[] options) =>
        AsOwnerAsync(Path.Combine(Bin, "pg_ctl"), [action, "-D", Data, "-w", "-t", "60", "-l", Path.Combine(_directory, "postgresql.log"), .. options]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await PgCtlAsync("stop", "-m", "immediate");
        }
        catch (Xunit.Sdk.XunitException)
        {
            // Already stopped.
        }

        foreach (var step in AfterStop)
        {
            await step();
        }

        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
