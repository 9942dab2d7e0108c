using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Uploads;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Uploads of more than five features are merged by the background job instead of before the response.</summary>
public class SmallInlineLimitFactory : ApiFactory
{
    public const int InlineLimit = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:InlineFeatureLimit", InlineLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The same, with a real Hangfire server running the jobs against the class's database.</summary>
public sealed class HangfireUploadFactory : SmallInlineLimitFactory
{
    protected override bool RunsJobs => true;
}

/// <summary>Helpers shared by the two background-merge classes.</summary>
public static class BackgroundMerge
{
    public static byte[] Areas(string batch, int count, int? badIndex = null) => GeoJsonFile.Of(Enumerable.Range(0, count)
        .Select(i => new AreaRow($"{batch}-{i:00}", UploadFiles.Square(102.9 + i * 0.004, 13.5, 0.002))
        {
            Classification = i == badIndex ? "XHA" : "CHA",
        }));

    public static async Task RunMergeJobAsync(this ApiFactory api, Guid uploadId)
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UploadMergeJob>().RunAsync(uploadId, TestContext.Current.CancellationToken);
    }

    /// <summary>What the merge writes for one upload: the batch's areas, versions and audit rows, the report and the upload row.</summary>
    public static async Task<string> MergeTraceAsync(this ApiFactory api, string batch, Guid uploadId) =>
        $"{await api.FootprintAsync(batch)} " +
        await api.ScalarAsync<string>(
            "SELECT concat_ws(' ', state, accepted, rejected, total, finished_at, (SELECT count(*) FROM upload_features WHERE upload_id = $1)) FROM uploads WHERE id = $1",
            uploadId);
}

public sealed class DeferredMergeTests(SmallInlineLimitFactory api) : IClassFixture<SmallInlineLimitFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnUploadOverTheInlineLimitIsQueuedStagedAndMergedOnceByTheJob()
    {
        var batch = UploadDatabase.NewBatch("DEFER");

        var response = await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 12), KhmCmac);

        var queued = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("QUEUED", queued.State());
        Assert.Equal(12, queued.GetProperty("progress").GetProperty("total").GetInt32());
        Assert.Equal(0L, await api.AreasAsync(batch));
        Assert.Equal(12L, await api.StagedRowsAsync(queued.Id()));

        await api.RunMergeJobAsync(queued.Id());
        var trace = await api.MergeTraceAsync(batch, queued.Id());
        await api.RunMergeJobAsync(queued.Id());

        var status = await _client.UploadStatusAsync(queued.Id());
        Assert.Equal(("DONE", 12, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((12L, 12L, 12L), await api.FootprintAsync(batch));
        Assert.Equal(0L, await api.StagedRowsAsync(queued.Id()));
        Assert.Equal(trace, await api.MergeTraceAsync(batch, queued.Id()));
    }

    [Fact]
    public async Task AnAtomicUploadOverTheInlineLimitWithOneBadFeatureFailsInTheJobAndNothingLands()
    {
        var batch = UploadDatabase.NewBatch("DEFER-ATOM");
        var before = await api.AllAreasAsync();
        var queued = await (await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 12, badIndex: 11), KhmCmac + "&atomic=true"))
            .AssertJsonAsync(HttpStatusCode.Accepted);

        await api.RunMergeJobAsync(queued.Id());
        await api.RunMergeJobAsync(queued.Id());

        var status = await _client.UploadStatusAsync(queued.Id());
        Assert.Equal(("FAILED", 0, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(11, status.Lines().Count(l => l.Outcome() == "NOT_STORED"));
        Assert.Equal(before, await api.AllAreasAsync());
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task ARevisionStagedBeforeTheAreaChangedIsRejectedAtTheMergeAndTheNewerVersionStands()
    {
        var batch = UploadDatabase.NewBatch("DEFER-STALE");
        var (areaId, _) = await _client.CreateAreaAsync(Features.HazardArea($"{batch}-00"));
        var queued = await (await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 8), KhmCmac)).AssertJsonAsync(HttpStatusCode.Accepted);
        var edit = Features.HazardArea($"{batch}-00");
        edit.Properties()["name"] = "Edited while the upload waited";
        edit.Properties()["changeReason"] = "Boundary re-walked";
        Assert.Equal(HttpStatusCode.OK, (await _client.PutFeatureAsync(areaId, edit, "\"1\"")).StatusCode);

        await api.RunMergeJobAsync(queued.Id());

        var status = await _client.UploadStatusAsync(queued.Id());
        Assert.Equal(("DONE", 7, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(("REJECTED", "area-changed"), (status.Line(0).Outcome(), status.Line(0).Rule()));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{areaId}");
        Assert.Equal(("Edited while the upload waited", 2), (area.Props().GetProperty("name").GetString(), area.Props().GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task ALocalIdRegisteredWhileTheUploadWaitedIsRejectedAtTheMergeNotDuplicated()
    {
        var batch = UploadDatabase.NewBatch("DEFER-TAKEN");
        var queued = await (await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 8), KhmCmac)).AssertJsonAsync(HttpStatusCode.Accepted);
        var (areaId, _) = await _client.CreateAreaAsync(Features.HazardArea($"{batch}-03"));

        await api.RunMergeJobAsync(queued.Id());

        var status = await _client.UploadStatusAsync(queued.Id());
        Assert.Equal(("REJECTED", "local-id-taken"), (status.Line(3).Outcome(), status.Line(3).Rule()));
        Assert.Equal(8L, await api.AreasAsync(batch));
        Assert.Equal(1L, await api.VersionRowsAsync(areaId));
    }

    [Fact]
    public async Task AnUploadAtTheInlineLimitIsStillMergedBeforeTheResponse()
    {
        var batch = UploadDatabase.NewBatch("DEFER-5");

        var response = await _client.UploadRawAsync(BackgroundMerge.Areas(batch, SmallInlineLimitFactory.InlineLimit), KhmCmac);

        Assert.Equal("DONE", (await response.AssertJsonAsync(HttpStatusCode.Accepted)).State());
        Assert.Equal(5L, await api.AreasAsync(batch));
    }
}

public sealed class HangfireMergeTests(HangfireUploadFactory api) : IClassFixture<HangfireUploadFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ALargeUploadIsMergedByTheHangfireServerAndRunningTheJobAgainChangesNothing()
    {
        var batch = UploadDatabase.NewBatch("HF");

        var response = await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 12, badIndex: 4), KhmCmac);

        var accepted = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.True(accepted.State() is "QUEUED" or "PROCESSING", $"The 202 says {accepted.State()}.");
        var status = await _client.WaitForAsync(accepted.Id());
        Assert.Equal(("DONE", 11, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal("unreadable-attribute", status.Line(4).Rule());
        Assert.Equal((11L, 11L, 11L), await api.FootprintAsync(batch));
        // The job marks the upload DONE before it returns and Hangfire records it as succeeded.
        Assert.Equal("Succeeded", await JobStateAsync(accepted.Id(), until: "Succeeded"));

        var trace = await api.MergeTraceAsync(batch, accepted.Id());
        await api.RunMergeJobAsync(accepted.Id());

        Assert.Equal(trace, await api.MergeTraceAsync(batch, accepted.Id()));
    }

    private async Task<string> JobStateAsync(Guid uploadId, string until)
    {
        var state = "";
        for (var attempt = 0; attempt < 50 && state != until; attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 100, TestContext.Current.CancellationToken);
            state = await api.ScalarAsync<string>(
                "SELECT statename FROM hangfire.job WHERE invocationdata::text LIKE '%UploadMergeJob%' AND arguments::text LIKE $1",
                $"%{uploadId}%");
        }

        return state;
    }
}
