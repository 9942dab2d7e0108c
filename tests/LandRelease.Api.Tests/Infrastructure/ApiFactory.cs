using System.Net.Http.Headers;
using LandRelease.Api.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace LandRelease.Api.Tests.Infrastructure;

/// <summary>The API in-process over HTTP, on a database of its own (one per test class).</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The ten countries, for the default identity that may do everything the tests need.</summary>
    public static readonly string[] AllCountries = ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"];

    // A fresh key per factory: tokens of one test class are worthless to another, as in a real deployment.
    private readonly AuthOptions _auth = new() { DevelopmentSigningKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()) };

    /// <summary>This class's database as the application role, which the API connects as.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The same database as the owner role, for setting up what the application may not do (back-dating history).</summary>
    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>Whether this host runs a Hangfire server; most tests call job classes directly instead.</summary>
    protected virtual bool RunsJobs => false;

    public async ValueTask InitializeAsync()
    {
        OwnerConnectionString = await CreateDatabaseAsync();
        ConnectionString = TestDatabases.AsApplication(OwnerConnectionString);
    }

    /// <summary>The owner's connection string to the database this host serves: a fresh copy of the template.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestDatabases.CreateAsync();

    /// <summary>Whether disposing this host drops its database (not when it shares another host's).</summary>
    protected virtual bool DropsDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:LandRelease", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Hangfire:Server:Enabled", RunsJobs ? "true" : "false");
        builder.UseSetting("Samples:LoadFrom", "");
        builder.UseSetting("Auth:DevelopmentSigningKey", _auth.DevelopmentSigningKey);
        builder.UseSetting("RateLimits:AnonymousPerMinute", "100000");
    }

    /// <summary>Clients from CreateClient() act as an administrator and national authority of every country.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token([Roles.Admin, Roles.NationalAuthority], AllCountries, "CMAA"));
    }

    public string Token(string[] roles, string[] countries, string? organisation, string name = "test-user") =>
        DevelopmentTokens.Issue(_auth, name, roles, countries, organisation, TimeSpan.FromHours(1));

    /// <summary>A client acting as the given user; with no roles, an anonymous client.</summary>
    public HttpClient ClientAs(string[] roles, string[] countries, string? organisation, string name = "test-user")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = roles.Length == 0
            ? null
            : new AuthenticationHeaderValue("Bearer", Token(roles, countries, organisation, name));
        return client;
    }

    /// <summary>Runs SQL straight against this class's database as the application role, to look past the API.</summary>
    public Task<T> ScalarAsync<T>(string sql, params object[] parameters) => ScalarAsync<T>(ConnectionString, sql, parameters);

    /// <summary>Runs SQL as the owner role: only to arrange what the application role is refused.</summary>
    public Task<T> OwnerScalarAsync<T>(string sql, params object[] parameters) => ScalarAsync<T>(OwnerConnectionString, sql, parameters);

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (DropsDatabase)
        {
            await TestDatabases.DropAsync(ConnectionString);
        }

        GC.SuppressFinalize(this);
    }
}
