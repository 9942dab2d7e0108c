using System.Net;
using Hangfire;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Api.Tests.Operations;

/// <summary>A worker process (Hangfire:WorkerOnly) on the database of an API node that runs no Hangfire server.</summary>
public sealed class WorkerNodeFactory(string ownerConnectionString, bool serverEnabled = true) : ApiFactory
{
    protected override bool RunsJobs => serverEnabled;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ownerConnectionString);

    protected override bool DropsDatabase => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hangfire:WorkerOnly", "true");
    }
}

public sealed class WorkerNodeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobEnqueuedByAnApiNodeWaitsForTheWorkerWhichRunsItOnceAndServesNothingButHealth()
    {
        _ = api.CreateClient();
        await api.OwnerScalarAsync<int>("CREATE TABLE IF NOT EXISTS probe (marker uuid); SELECT 1");
        await using (var owner = new Npgsql.NpgsqlConnection(api.OwnerConnectionString))
        {
            await owner.OpenAsync(Ct);
            await Data.Roles.ApplicationGrants.ApplyAsync(owner, TestDatabases.ApplicationRole, Ct);
        }

        var marker = Guid.NewGuid();
        var jobId = long.Parse(api.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.Run(marker)),
            System.Globalization.CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal("Enqueued", await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1", jobId));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.server"));

        await using var worker = new WorkerNodeFactory(api.OwnerConnectionString);
        await worker.InitializeAsync();
        var client = worker.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1", jobId) != "Succeeded")
        {
            await Task.Delay(200, Ct);
        }

        Assert.Equal("Succeeded", await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1", jobId));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM probe WHERE marker = $1", marker));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.server"));

        Assert.Equal(HttpStatusCode.OK, (await worker.ClientAs([], [], null).GetAsync("/health", Ct)).StatusCode);
        foreach (var path in new[] { "/api/countries", "/api/hazard-areas", "/", "/hangfire", "/ogc" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task AWorkerWithItsHangfireServerSwitchedOffRefusesToStart()
    {
        await using var worker = new WorkerNodeFactory(api.OwnerConnectionString, serverEnabled: false);
        await worker.InitializeAsync();
        var refusal = Assert.Throws<InvalidOperationException>(() => worker.CreateClient());
        Assert.Contains("Hangfire:WorkerOnly", refusal.Message, StringComparison.Ordinal);
    }
}
