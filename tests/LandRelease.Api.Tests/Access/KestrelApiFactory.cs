using System.Net.Http.Headers;
using System.Security.Cryptography;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// The API on real Kestrel over loopback, on a database of its own. TestServer ignores body size limits,
/// so limits are only tested here. The anonymous rate limit is low (5 a minute) so a test can reach it.
/// </summary>
public class KestrelApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int AnonymousPerMinute = 5;

    private readonly AuthOptions _auth = new() { DevelopmentSigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };

    public KestrelApiFactory() => UseKestrel(0);

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync() => ConnectionString = TestDatabases.AsApplication(await TestDatabases.CreateAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:LandRelease", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Samples:LoadFrom", "");
        builder.UseSetting("Auth:DevelopmentSigningKey", _auth.DevelopmentSigningKey);
        builder.UseSetting("RateLimits:AnonymousPerMinute", AnonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ConfigureSettings(builder);
    }

    /// <summary>Settings a variant of this server adds.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>Clients act as an administrator and national authority of every country, as ApiFactory's do.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(_auth,
            "test-user", [Roles.Admin, Roles.NationalAuthority], ApiFactory.AllCountries, "CMAA", TimeSpan.FromHours(1)));
    }

    public HttpClient AnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabases.DropAsync(ConnectionString);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The API as it would start in Production with a development signing key left in its settings.</summary>
public sealed class ProductionWithDevelopmentKeyFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Never reached: start-up must stop before anything talks to the database.
        builder.UseSetting("ConnectionStrings:LandRelease", TestDatabases.ServerConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Auth:DevelopmentSigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }
}
