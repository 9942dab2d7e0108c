using Hangfire;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Api.Tests.Jobs;

public sealed class JobsApiFactory : ApiFactory
{
    protected override bool RunsJobs => true;
}

/// <summary>A job that leaves a trace in the database the host uses, so the test can see it ran there.</summary>
public sealed class ProbeJob(Data.LandReleaseDbContext db)
{
    public Task Run(Guid marker) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlInterpolatedAsync(db.Database,
            $"INSERT INTO probe VALUES ({marker})");
}

public sealed class HangfireWiringTests(JobsApiFactory api) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task AJobEnqueuedThroughTheHostRunsOnItsServerAgainstItsOwnDatabase()
    {
        _ = api.CreateClient();
        // The application role may not create tables: the owner does, and the migrate step's grants cover it as any new table.
        await api.OwnerScalarAsync<int>("CREATE TABLE IF NOT EXISTS probe (marker uuid); SELECT 1");
        await using (var owner = new Npgsql.NpgsqlConnection(api.OwnerConnectionString))
        {
            await owner.OpenAsync(TestContext.Current.CancellationToken);
            await Data.Roles.ApplicationGrants.ApplyAsync(owner, TestDatabases.ApplicationRole, TestContext.Current.CancellationToken);
        }

        var marker = Guid.NewGuid();
        var jobs = api.Services.GetRequiredService<IBackgroundJobClient>();
        var jobId = jobs.Enqueue<ProbeJob>(job => job.Run(marker));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? state = null;
        while (DateTime.UtcNow < deadline && state != "Succeeded")
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            state = await api.ScalarAsync<string>("SELECT statename FROM hangfire.job WHERE id = $1", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal("Succeeded", state);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM probe WHERE marker = $1", marker));
    }
}
