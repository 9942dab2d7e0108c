using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Reports;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// PostgreSQL restarted (`pg_ctl restart -m fast`, every connection cut) while an upload is merged in parts and each
/// part's report refresh runs, on a cluster of the test's own with an API and a worker process: nobody restarts the
/// nodes, yet health is back to 200, the upload finishes with every feature once, and the nightly rebuild finds the
/// incremental figures right.
/// </summary>
public sealed class PostgresRestartTests : IAsyncLifetime
{
    private const int Features = 1200;
    private PrivateCluster _cluster = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _cluster = await PrivateCluster.StartAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task APostgresRestartMidMergeHealsWithoutRestartingTheNodesAndTheFiguresEndRight()
    {
        await using var nodes = new NodeProcesses(_cluster.ConnectionString, new Dictionary<string, string>
        {
            ["Uploads__InlineFeatureLimit"] = "100",
            ["Uploads__MergePartFeatures"] = "100",
            ["Uploads__MergeParallelism"] = "1",
        });
        var api = await nodes.StartApiAsync();
        using var client = api.Client();
        await client.EnsureOrganisationAsync("CMAC", "KHM");
        var batch = UploadDatabase.NewBatch("PGR");
        using var response = await client.UploadRawAsync(Grid(batch), UploadApi.KhmCmac);
        var uploadId = (await response.AssertJsonAsync(HttpStatusCode.Accepted)).Id();
        // Staged before the worker starts, as when workers restart while uploads wait: the worker's start-up resume and
        // the upload's Hangfire job race for its lock, and the restart cuts whichever won. Once in two runs or so the
        // start-up resume won, and a merge it ran, cut, was taken up by nobody for ten minutes (issue #17).
        await nodes.StartWorkerAsync();

        // Restarted once some parts have committed (and their refreshes been enqueued) and others have not.
        await nodes.WaitForAsync("SELECT count(*) >= 200 FROM hazard_areas WHERE local_id LIKE $1", true, TimeSpan.FromMinutes(3), batch + "%");
        await _cluster.RestartAsync();
        var landedAtRestart = await nodes.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id LIKE $1", batch + "%");
        Assert.True(landedAtRestart < Features, "the merge had finished before the restart; the test shows nothing");

        await api.Process.WaitUntilOkAsync(client, "/health", TimeSpan.FromSeconds(30));
        // The sweep (every minute) resumes a merge no merger holds; the Hangfire job's retry comes within a minute too.
        await nodes.WaitForAsync("SELECT state FROM uploads WHERE id = $1", "DONE", TimeSpan.FromMinutes(3), uploadId);
        Assert.Equal($"{Features} 0 {Features}", await nodes.ScalarAsync<string>(
            "SELECT concat_ws(' ', accepted, rejected, total) FROM uploads WHERE id = $1", uploadId));
        Assert.Equal((long)Features, await nodes.ScalarAsync<long>("SELECT count(DISTINCT local_id) FROM hazard_areas WHERE local_id LIKE $1", batch + "%"));
        Assert.Equal((long)Features, await nodes.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1", batch + "%"));
        Assert.Equal((long)Features, await nodes.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity_id IN (SELECT id FROM hazard_areas WHERE local_id LIKE $1)", batch + "%"));

        // The reports' outbox drains (the sweep finds what a lost refresh left), then the nightly rebuild compares.
        await nodes.WaitForAsync("SELECT count(*) FROM report_dirty", 0L, TimeSpan.FromMinutes(2));
        var rebuild = ServiceProcess.StartApi(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__LandRelease"] = _cluster.ConnectionString,
            ["Auth__DevelopmentSigningKey"] = nodes.Token(),
        }, "rebuild-reports");
        await using (rebuild)
        {
            Assert.Equal(0, await rebuild.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }

        var khm = rebuild.Output.Split('\n').Single(line => line.StartsWith("KHM", StringComparison.Ordinal));
        Assert.True(khm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3] == "0", $"the rebuild found differences:\n{rebuild.Output}");
        Assert.Equal(0L, await nodes.ScalarAsync<long>("SELECT count(*) FROM report_differences"));
        var report = await client.ReportAsync("KHM");
        Assert.Equal(Features, report.Figure("remaining.sha.count") + report.Figure("remaining.cha.count"));
    }

    /// <summary>Squares 0.002° on a 0.004° grid, inside Cambodia, none overlapping.</summary>
    private static byte[] Grid(string batch) => GeoJsonFile.Of(Enumerable.Range(0, Features)
        .Select(i => new AreaRow($"{batch}-{i:0000}", UploadFiles.Square(102.9 + i % 60 * 0.004, 13.3 + i / 60 * 0.004, 0.002))));
}
