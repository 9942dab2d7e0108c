using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Activity uploads in parts of two, with every report refresh enqueued after a commit written down.</summary>
public sealed class ActivityPartsFactory : ApiFactory
{
    public ConcurrentQueue<string> Refreshes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:ActivityPartFeatures", "2");
        builder.ConfigureTestServices(services => services.AddSingleton<IReportTrigger>(new RecordingTrigger(Refreshes)));
    }

    private sealed class RecordingTrigger(ConcurrentQueue<string> refreshes) : IReportTrigger
    {
        public void CountryChanged(string countryCode) => refreshes.Enqueue(countryCode);
    }
}

/// <summary>
/// An activity upload lands part by part, each part committed and its report refresh enqueued at once, as the API does
/// after each activity it records; nothing waits for the sweep.
/// </summary>
public sealed class ActivityUploadPartTests(ActivityPartsFactory api) : IClassFixture<ActivityPartsFactory>, IAsyncLifetime
{
    private const string Query = "country=KHM&organisation=CMAC&kind=activities";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject On(TestArea area, string localId)
    {
        var feature = Clearance(area, localId);
        feature["properties"]!["hazardAreaId"] = area.Id.ToString();
        return feature;
    }

    [Fact]
    public async Task EachCommittedPartEnqueuesTheCountrysReportRefresh()
    {
        var area = await _client.NewTestAreaAsync();
        var before = api.Refreshes.Count;

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            [.. Enumerable.Range(0, 5).Select(_ => On(area, NewLocalId("PART")))]), Query));

        Assert.Equal(("DONE", 5), (status.State(), status.Count("accepted")));
        Assert.Equal(["KHM", "KHM", "KHM"], api.Refreshes.Skip(before));
        Assert.Equal(5L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task AnAtomicUploadEnqueuesOneRefreshAfterItsOneCommitAndNoneWhenRefused()
    {
        var area = await _client.NewTestAreaAsync();
        var refused = On(area, NewLocalId("BAD"));
        refused["properties"]!["type"] = "NTS";
        var before = api.Refreshes.Count;

        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            [.. Enumerable.Range(0, 3).Select(_ => On(area, NewLocalId("ATOM"))), refused]), Query + "&atomic=true"));
        var afterRefusal = api.Refreshes.Count;
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            [.. Enumerable.Range(0, 3).Select(_ => On(area, NewLocalId("ATOM")))]), Query + "&atomic=true"));

        Assert.Equal(before, afterRefusal);
        Assert.Equal(["KHM"], api.Refreshes.Skip(afterRefusal));
        Assert.Equal(3L, await api.ActivityRowsAsync(area.Id));
    }

    /// <summary>
    /// The next part is checked while this one is written; a local id this part is writing must wait for that write,
    /// or its check would find no such activity and the write refuse the local id as taken.
    /// </summary>
    [Fact]
    public async Task ALocalIdMetAgainInTheNextPartRevisesTheActivityThePartBeforeWrote()
    {
        var area = await _client.NewTestAreaAsync();
        var (first, second) = (NewLocalId("PIPE"), NewLocalId("PIPE"));
        var revision = On(area, first);
        revision["properties"]!["method"] = "Second walk with the village chief";
        revision["properties"]!["changeReason"] = "Walked again";

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            On(area, first), On(area, second), revision, On(area, NewLocalId("PIPE"))), Query));

        Assert.Equal(["CREATED", "CREATED", "UPDATED", "CREATED"], status.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(status.Line(0).RecordId(), status.Line(2).RecordId());
        Assert.Equal(3L, await api.ActivityRowsAsync(area.Id));
    }

    /// <summary>
    /// Two parts are written at once while a third is checked: a local id of the older part in flight, met again two
    /// parts later, waits for that write too, and the lines come back in file order.
    /// </summary>
    [Fact]
    public async Task ALocalIdMetAgainTwoPartsLaterRevisesTheActivityWhileTwoPartsAreWritten()
    {
        var area = await _client.NewTestAreaAsync();
        var first = NewLocalId("FLY");
        var revision = On(area, first);
        revision["properties"]!["method"] = "Second walk with the village chief";
        revision["properties"]!["changeReason"] = "Walked again";
        var others = Enumerable.Range(0, 5).Select(_ => NewLocalId("FLY")).ToList();

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            On(area, first), On(area, others[0]), On(area, others[1]), On(area, others[2]), revision, On(area, others[3]),
            On(area, others[4])), Query));

        Assert.Equal(["CREATED", "CREATED", "CREATED", "CREATED", "UPDATED", "CREATED", "CREATED"],
            status.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal([first, others[0], others[1], others[2], first, others[3], others[4]],
            status.Lines().Select(l => l.GetProperty("localId").GetString()));
        Assert.Equal(status.Line(0).RecordId(), status.Line(4).RecordId());
        Assert.Equal(6L, await api.ActivityRowsAsync(area.Id));
    }
}
