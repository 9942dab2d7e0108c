using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>Work on the ground moves an open hazardous area to WORKED_ON, as a new version of the area.</summary>
public sealed class AreaStatusTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string[]> AreaAuditAsync(Guid areaId) =>
        [.. (await _client.GetJsonAsync($"/api/audit?entityType=HAZARD_AREA&entityId={areaId}")).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("action").GetString()!)];

    [Fact]
    public async Task AnOngoingActivityMovesItsOpenAreaToWorkedOnFromTheDayWorkBegan()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("ONG");

        await _client.CreateActivityAsync(area.Id, Activity(area, "CLEARANCE", area.Box.Polygon(), status: "ONGOING",
            localId: localId, startDate: "2024-03-01", endDate: null));

        var props = await _client.AreaPropsAsync(area.Id);
        Assert.Equal(("WORKED_ON", 2, "2024-03-01"), (props.Text("status"), props.GetProperty("version").GetInt32(), props.Text("dateOfInformation")));
        Assert.Equal(["CREATE", "STATUS"], await AreaAuditAsync(area.Id));
        var statusEntry = (await _client.GetJsonAsync($"/api/audit?entityType=HAZARD_AREA&entityId={area.Id}")).GetProperty("items").EnumerateArray().Last();
        Assert.Contains($"CLEARANCE activity {localId} (work began 2024-03-01)", statusEntry.Text("reason"), StringComparison.Ordinal);
        var history = (await _client.GetJsonAsync($"/api/hazard-areas/{area.Id}/history")).GetProperty("features").EnumerateArray()
            .Select(v => (v.Props().GetProperty("version").GetInt32(), v.Props().Text("status"))).Order().ToArray();
        Assert.Equal([(1, "OPEN"), (2, "WORKED_ON")], history);
    }

    [Fact]
    public async Task APlannedActivityLeavesTheAreaOpenUntilItsRevisionSaysWorkIsUnderWay()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("PLAN");
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "TS", null, status: "PLANNED",
            localId: localId, endDate: null));
        Assert.Equal(("OPEN", 1), ((await _client.AreaPropsAsync(area.Id)).Text("status"), (await _client.AreaPropsAsync(area.Id)).GetProperty("version").GetInt32()));

        var started = Activity(area, "TS", null, status: "ONGOING", localId: localId, endDate: null);
        started.Properties()["changeReason"] = "Teams on site";
        await (await _client.PutActivityAsync(activityId, started, "\"1\"")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("WORKED_ON", (await _client.AreaPropsAsync(area.Id)).Text("status"));
    }

    [Fact]
    public async Task FurtherWorkOnAnAreaAlreadyWorkedOnAddsNoAreaVersion()
    {
        var area = await _client.NewTestAreaAsync();
        await _client.CreateActivityAsync(area.Id, Activity(area, "NTS", null, localId: NewLocalId("W1")));

        await _client.CreateActivityAsync(area.Id, Activity(area, "CLEARANCE", area.Box.Polygon(), localId: NewLocalId("W2")));

        var props = await _client.AreaPropsAsync(area.Id);
        Assert.Equal(("WORKED_ON", 2), (props.Text("status"), props.GetProperty("version").GetInt32()));
        Assert.Equal(["CREATE", "STATUS"], await AreaAuditAsync(area.Id));
    }
}
