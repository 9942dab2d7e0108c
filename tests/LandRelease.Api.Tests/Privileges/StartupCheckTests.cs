using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LandRelease.Api.Tests.Privileges;

/// <summary>The API as it would start in Production, connected as the owner (refused) or as the application role.</summary>
public sealed class ProductionFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:LandRelease", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Hangfire:Server:Enabled", "false");
        builder.UseSetting("Samples:LoadFrom", "");
    }
}

public sealed class StartupCheckTests : IAsyncLifetime
{
    private string _owner = "";

    public async ValueTask InitializeAsync() => _owner = await TestDatabases.CreateAsync();

    public async ValueTask DisposeAsync() => await TestDatabases.DropAsync(_owner);

    [Fact]
    public void InProductionTheApiRefusesToStartAsTheRoleThatOwnsTheTables()
    {
        using var production = new ProductionFactory(_owner);

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("owns the database", messages, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:LandReleaseOwner", messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InProductionTheApiStartsAsTheApplicationRole()
    {
        using var production = new ProductionFactory(TestDatabases.AsApplication(_owner));

        using var response = await production.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
