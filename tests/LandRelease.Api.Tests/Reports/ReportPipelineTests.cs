using System.Net;
using LandRelease.Api.Reports.Pipeline;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>The pipeline's own promises: an outbox row with every change, refreshes that can run twice or at once, snapshots reused, a rebuild that checks.</summary>
public sealed class ReportPipelineTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOperatorAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private const string YearSnapshots = """
        SELECT string_agg(id || ':' || data_version || ':' || computed_at || ':' || md5(figures::text), ',' ORDER BY id)
        FROM report_snapshots WHERE country_code = $1 AND kind = 'YEAR'
        """;

    [Fact]
    public async Task TheApprovalWritesAnOutboxRowInItsTransactionAndTheRefreshConsumesExactlyIt()
    {
        const string c = "KHM";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        await api.RefreshAsync(c);
        Assert.Equal(0, await api.DirtyRowsAsync(c));

        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.5, 1), "2024-03-01");

        Assert.Equal(1, await api.DirtyRowsAsync(c));
        var dirty = await api.ScalarAsync<long>("SELECT max(id) FROM report_dirty WHERE country_code = $1", c);
        var outcome = await api.RefreshAsync(c);
        Assert.Equal(dirty, outcome.DataVersion);
        Assert.Equal(2024, outcome.FromYear);
        Assert.Equal(0, await api.DirtyRowsAsync(c));
        Assert.Equal(dirty, await api.ScalarAsync<long>("SELECT data_version FROM report_countries WHERE country_code = $1", c));
        var cleared = await api.ScalarAsync<string>("""
            SELECT figures -> 'values' ->> 'released.clearedSqm' FROM report_snapshots
            WHERE country_code = $1 AND kind = 'YEAR' AND period_from = '2024-01-01' AND data_version = $2
            """, c, dirty);
        Releases.ReleaseApi.AssertSqm(Cells(c, 0, 0, 0.5, 1).Sqm, double.Parse(cleared, System.Globalization.CultureInfo.InvariantCulture), "stored");
    }

    [Fact]
    public async Task ABatchUploadWritesItsOutboxRowInTheMergeAndTheReportCountsItsAreas()
    {
        const string c = "BRN";
        Assert.Equal(0, (await _client.ReportAsync(c, "year=2024")).Figure("remaining.cha.count"));
        JsonObject Area(double west) => Features.HazardArea(NewLocalId("UPL"), Cells(c, west, 0, west + 0.5, 1).Polygon(), country: c,
            organisation: "REPORT-OPS", dateOfInformation: "2024-02-01");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(UploadApi.FeatureCollection(Area(0), Area(1)),
            $"country={c}&organisation=REPORT-OPS&kind=hazard-areas"));

        Assert.Equal(2, status.Count("accepted"));
        Assert.Equal(1, await api.DirtyRowsAsync(c));
        var report = await _client.ReportAsync(c, "year=2024");
        Assert.Equal(2, report.Figure("remaining.cha.count"));
        AssertSqm(Cells(c, 0, 0, 0.5, 1).Sqm + Cells(c, 1, 0, 1.5, 1).Sqm, report, "remaining.cha.areaSqm");
    }

    [Fact]
    public async Task RunningTheJobTwiceOrTwoAtOnceYieldsTheSameSnapshot()
    {
        const string c = "LAO";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        await _client.ReleasedAsync(area, "REDUCED", Cells(c, 0, 0, 0.3, 1), "2024-03-01");
        var job = ActivatorUtilities.CreateInstance<CountryReportJob>(api.Services);

        await Task.WhenAll(job.RunAsync(c, Ct), job.RunAsync(c, Ct));
        var once = await api.ScalarAsync<string>(YearSnapshots, c);
        await job.RunAsync(c, Ct);
        var twice = await api.ScalarAsync<string>(YearSnapshots, c);

        Assert.False(string.IsNullOrEmpty(once));
        Assert.Equal(once, twice);
        Assert.Equal(0, await api.DirtyRowsAsync(c));
    }

    [Fact]
    public async Task AskingAgainWithoutAChangeReturnsTheStoredSnapshot()
    {
        const string c = "THA";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.3, 1), "2024-03-01");

        using var first = await _client.GetAsync($"/api/reports/countries/{c}?from=2024-01-01&to=2024-06-30&asAt=2025-01-01", Ct);
        using var second = await _client.GetAsync($"/api/reports/countries/{c}?from=2024-01-01&to=2024-06-30&asAt=2025-01-01", Ct);
        var one = await first.AssertJsonAsync(HttpStatusCode.OK);
        var two = await second.AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("computed", first.Headers.GetValues("X-Report-Snapshot").Single());
        Assert.Equal("stored", second.Headers.GetValues("X-Report-Snapshot").Single());
        Assert.False(one.GetProperty("fromSnapshot").GetBoolean());
        Assert.True(two.GetProperty("fromSnapshot").GetBoolean());
        Assert.Equal(one.GetProperty("computedAt").GetString(), two.GetProperty("computedAt").GetString());
        Assert.Equal(1, await api.ScalarAsync<long>(
            "SELECT count(*) FROM report_snapshots WHERE country_code = $1 AND kind = 'PERIOD'", c));

        // A change in the country is a new data version: a report of everything recorded is computed again; one as at a
        // day that was over when it was computed cannot change, and stays.
        var latest = await _client.ReportAsync(c, "from=2024-01-01&to=2024-06-30");
        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0.3, 0, 0.5, 1), "2024-04-01");
        var latestAgain = await _client.ReportAsync(c, "from=2024-01-01&to=2024-06-30");
        Assert.False(latestAgain.GetProperty("fromSnapshot").GetBoolean());
        Assert.True(latestAgain.GetProperty("dataVersion").GetInt64() > latest.GetProperty("dataVersion").GetInt64());
        AssertSqm(Cells(c, 0, 0, 0.5, 1).Sqm, latestAgain, "released.clearedSqm");
        var settled = await _client.ReportAsync(c, "from=2024-01-01&to=2024-06-30&asAt=2025-01-01");
        Assert.True(settled.GetProperty("fromSnapshot").GetBoolean());
        Assert.Equal(one.GetProperty("computedAt").GetString(), settled.GetProperty("computedAt").GetString());
    }

    [Fact]
    public async Task TheNightlyRebuildAgreesWithTheIncrementalFiguresAndRecordsWhatALostChangeLeftOut()
    {
        const string c = "VNM";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var other = await _client.NewAreaAsync(c, Cells(c, 0.5, 0, 1.5, 1), dateOfInformation: "2022-01-01");
        await _client.ReleasedAsync(area, "CANCELLED", Cells(c, 0, 0, 0.7, 1), "2023-03-01");
        await _client.ReleasedAsync(other, "CLEARED", Cells(c, 0.5, 0, 1.2, 1), "2024-03-01");
        await api.RefreshAsync(c);
        var refresher = api.Services.GetRequiredService<Data.Reports.ReportRefresher>();

        var agreeing = await refresher.RebuildAsync(c, DateOnly.FromDateTime(DateTime.UtcNow), Ct);
        Assert.Empty(agreeing.Differences);

        // Changes whose outbox rows are lost (deleted by hand here) never reach the incremental figures...
        var lost = await _client.NewAreaAsync(c, Cells(c, 2, 0, 3, 1), dateOfInformation: "2022-01-01");
        await _client.ReleasedAsync(lost, "CLEARED", Cells(c, 2, 0, 2.5, 1), "2024-05-01");
        Assert.Equal(2, await api.ScalarAsync<long>("WITH gone AS (DELETE FROM report_dirty WHERE country_code = $1 RETURNING 1) SELECT count(*) FROM gone", c));
        var rebuild = await refresher.RebuildAsync(c, DateOnly.FromDateTime(DateTime.UtcNow), Ct);

        // ...until the rebuild, which records them, shows them in the status, and keeps the right figures.
        var cleared = Assert.Single(rebuild.Differences, d => d.Year == 2024 && d.Figure == "released.clearedSqm");
        Releases.ReleaseApi.AssertSqm(Cells(c, 2, 0, 2.5, 1).Sqm, cleared.Rebuilt!.Value - cleared.Incremental!.Value, "difference");
        var count = Assert.Single(rebuild.Differences, d => d.Year == 2023 && d.Figure == "remaining.cha.count");
        Assert.Equal(1, count.Rebuilt - count.Incremental);
        var status = await _client.GetJsonAsync("/api/reports/status");
        Assert.Contains(status.GetProperty("differences").EnumerateArray(),
            d => d.GetProperty("countryCode").GetString() == c && d.GetProperty("figure").GetString() == "released.clearedSqm");
        var country = status.GetProperty("countries").EnumerateArray().Single(x => x.GetProperty("code").GetString() == c);
        Assert.True(country.GetProperty("rebuildDifferences").GetInt32() > 0);
        var report = await _client.ReportAsync(c, "year=2024");
        AssertSqm(Cells(c, 0.7, 0, 1.2, 1).Sqm + Cells(c, 2, 0, 2.5, 1).Sqm, report, "released.clearedSqm");
    }
}
