using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using Microsoft.AspNetCore.Hosting;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>A host running a real Hangfire server whose sweep never comes round during a test (once a year).</summary>
public sealed class NoSweepFactory : ApiFactory
{
    protected override bool RunsJobs => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reports:SweepCron", "0 0 1 1 *");
    }
}

/// <summary>
/// Every write enqueues its country's refresh after its commit: the stored report follows an upload or an approval,
/// and the sweep (the outbox's safety net) is not what delivered it. The 2 s target is the report benchmark's on a
/// quiet machine (0.7-1.2 s); here, beside the browser tests on two cores, a job delivery is allowed 10 s, still far
/// short of any sweep (none runs this year).
/// </summary>
public sealed class ReportWithoutSweepTests(NoSweepFactory api) : IClassFixture<NoSweepFactory>
{
    private const string Refreshed = "SELECT COALESCE(max(data_version), 0) FROM report_countries WHERE country_code = $1";

    [Fact]
    public async Task AnUploadRefreshesTheStoredReportWithoutTheSweep()
    {
        var client = api.CreateClient();
        await client.EnsureOrganisationAsync("CMAC", "KHM");
        var batch = UploadDatabase.NewBatch("NOSWEEP");
        var upload = await client.AcceptedAndFinishedAsync(await client.UploadRawAsync(
            GeoJsonFile.Of([new AreaRow($"{batch}-1", UploadFiles.Square(103.41, 13.41, 0.002))]), KhmCmac));
        Assert.Equal("DONE", upload.State());
        var version = await api.ScalarAsync<long>("SELECT max(id) FROM report_dirty WHERE country_code = 'KHM'");

        await ReportWaits.UntilAsync(api, "KHM", version);

        Assert.True(await api.ScalarAsync<long>(Refreshed, "KHM") >= version);
        await AssertDeliveredByTheJobAsync(await api.ScalarAsync<double>("""
            SELECT extract(epoch FROM r.refreshed_at - u.finished_at)::float8
            FROM report_countries r, uploads u WHERE r.country_code = 'KHM' AND u.id = $1
            """, upload.Id()));
    }

    [Fact]
    public async Task AnApprovalRefreshesTheStoredReportWithoutTheSweep()
    {
        const string c = "LAO";
        var client = api.CreateClient();
        await client.EnsureOperatorAsync();
        var area = await client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var decision = await client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.5, 1), "2024-08-01");
        var version = await api.ScalarAsync<long>("SELECT max(id) FROM report_dirty WHERE country_code = $1", c);

        await ReportWaits.UntilAsync(api, c, version);

        await AssertDeliveredByTheJobAsync(await api.ScalarAsync<double>("""
            SELECT extract(epoch FROM r.refreshed_at - e.at)::float8
            FROM report_countries r, decision_events e
            WHERE r.country_code = $1 AND e.decision_id = $2 AND e.to_state = 'APPROVED'
            """, c, decision));
    }

    private async Task AssertDeliveredByTheJobAsync(double secondsAfterCommit)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"stored report {secondsAfterCommit:0.00} s after the commit");
        Assert.InRange(secondsAfterCommit, 0, 10);
        Assert.Equal(0, await api.ScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ReportSweepJob%'"));
        // The job's own commit comes before Hangfire records it as succeeded.
        await WaitUntilAsync(async () => await api.ScalarAsync<long>(
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%CountryReportJob%' AND statename = 'Succeeded'") > 0);
    }
}
