using System.Net;
using LandRelease.Data.Reports;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>A host running a real Hangfire server with the default sweep (every 15 s).</summary>
public sealed class ReportJobsFactory : ApiFactory
{
    protected override bool RunsJobs => true;
}

/// <summary>
/// A host running a real Hangfire server, its sweep every second, as if it died between each commit and its enqueue:
/// the enqueue after a commit throws.
/// </summary>
public sealed class CrashAfterCommitFactory : ApiFactory
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:SweepCron", "* * * * * *");
        builder.UseSetting("Hangfire:Server:SchedulePollingInterval", "00:00:01");
        builder.ConfigureTestServices(services => services.AddSingleton<IReportTrigger, CrashingTrigger>());
    }

    private sealed class CrashingTrigger : IReportTrigger
    {
        public void CountryChanged(string countryCode) => throw new InvalidOperationException("The process died after the commit.");
    }
}

/// <summary>The pipeline through a real Hangfire server: an approval reaches the stored report with no request asking for it.</summary>
public sealed class ReportHangfireTests(ReportJobsFactory api) : IClassFixture<ReportJobsFactory>
{
    [Fact]
    public async Task AnApprovalChangesTheStoredReportThroughHangfire()
    {
        const string c = "MYS";
        var client = api.CreateClient();
        await client.EnsureOperatorAsync();
        var area = await client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var before = await client.ReportAsync(c, "year=2024");
        Assert.Equal(0, before.Figure("released.clearedSqm"));

        await client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.5, 1), "2024-08-01");
        var version = await api.ScalarAsync<long>("SELECT max(id) FROM report_dirty WHERE country_code = $1", c);
        await ReportWaits.UntilAsync(api, c, version);

        using var response = await client.GetAsync($"/api/reports/countries/{c}?year=2024", Ct);
        var after = await response.AssertJsonAsync(HttpStatusCode.OK);
        // Stored: the job computed it before anyone asked.
        Assert.Equal("stored", response.Headers.GetValues("X-Report-Snapshot").Single());
        Assert.Equal(version, after.GetProperty("dataVersion").GetInt64());
        AssertSqm(Cells(c, 0, 0, 0.5, 1).Sqm, after, "released.clearedSqm");
        Assert.True(await api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%CountryReportJob%' AND statename = 'Succeeded'") > 0);
    }
}

/// <summary>The outbox: an approval whose enqueue never happens still reaches the report, through the sweep.</summary>
public sealed class ReportOutboxCrashTests(CrashAfterCommitFactory api) : IClassFixture<CrashAfterCommitFactory>
{
    [Fact]
    public async Task AnApprovalCommittedButNeverEnqueuedReachesTheReportThroughTheSweep()
    {
        const string c = "IDN";
        var client = api.CreateClient();
        await client.EnsureOperatorAsync();
        var feature = Features.HazardArea(NewLocalId("RPT"), Cells(c, 0, 0, 1, 1).Polygon(), country: c, organisation: "REPORT-OPS",
            dateOfInformation: "2022-01-01");
        // The register's commit happened; the enqueue after it "crashed" the request.
        using (var created = await client.PostFeatureAsync(feature))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, created.StatusCode);
        }

        var area = await api.ScalarAsync<Guid>("SELECT id FROM hazard_areas WHERE local_id = $1",
            feature.Properties()["localId"]!.GetValue<string>());
        var (decision, _) = await Releases.ReleaseApi.DraftAsync(client,
            Releases.ReleaseApi.Decision(area, "CLEARED", Cells(c, 0, 0, 0.25, 1).Polygon(), "2024-02-01", "REPORT-OPS"));
        await Releases.ReleaseApi.MovedAsync(client, decision, "submit");
        using (var approved = await Releases.ReleaseApi.MoveAsync(client, decision, "approve"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, approved.StatusCode);
        }

        Assert.Equal("APPROVED", await api.ScalarAsync<string>("SELECT state FROM release_decisions WHERE id = $1", decision));
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%CountryReportJob%'"));
        var version = await api.ScalarAsync<long>("SELECT max(id) FROM report_dirty WHERE country_code = $1", c);

        await ReportWaits.UntilAsync(api, c, version);

        Assert.Equal(0, await api.DirtyRowsAsync(c));
        using var response = await client.GetAsync($"/api/reports/countries/{c}?year=2024", Ct);
        var report = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("stored", response.Headers.GetValues("X-Report-Snapshot").Single());
        AssertSqm(Cells(c, 0, 0, 0.25, 1).Sqm, report, "released.clearedSqm");
    }
}

internal static class ReportWaits
{
    /// <summary>Waits (up to 30 s) until the pipeline has stored the country's figures at the data version.</summary>
    public static async Task UntilAsync(ApiFactory api, string country, long version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await api.ScalarAsync<long>("SELECT COALESCE(max(data_version), 0) FROM report_countries WHERE country_code = $1", country) < version)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reports of {country} did not reach data version {version} within 30 s.");
            await Task.Delay(100, Ct);
        }
    }
}
