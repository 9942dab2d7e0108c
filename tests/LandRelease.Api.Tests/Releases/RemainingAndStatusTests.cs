using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// DOMAIN.md rule 2: remaining area = hazardous area minus the union of its approved outcomes; at zero the area
/// may close. Status: open / worked on / closed / handed over, each change a new version of the area.
/// </summary>
public sealed class RemainingAndStatusTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A fresh 0.004° area released completely by two approved decisions, west and east halves.</summary>
    private async Task<(Guid AreaId, Box Area, Guid West, Guid East)> ClosedAreaAsync()
    {
        var (lon, lat) = NewSpot();
        var area = new Box(lon, lat, lon + 0.004, lat + 0.004);
        var (areaId, _) = await _client.NewAreaAsync(area);
        var west = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", new Box(lon, lat, lon + 0.002, lat + 0.004).Polygon(), "2024-01-01"));
        var east = await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon + 0.002, lat, lon + 0.004, lat + 0.004).Polygon(), "2024-02-01"));
        return (areaId, area, west, east);
    }

    private async Task<JsonElement[]> HistoryAsync(Guid areaId) =>
        [.. (await _client.GetJsonAsync($"/api/hazard-areas/{areaId}/history")).GetProperty("features").EnumerateArray()];

    [Fact]
    public async Task ReleasingTheWholeAreaLeavesNothingRemainingAndClosesItInANewVersion()
    {
        var (areaId, area, _, _) = await ClosedAreaAsync();

        var props = await _client.AreaPropsAsync(areaId);

        Assert.True(props.Number("remainingAreaSqm") <= 1, $"remaining {props.Number("remainingAreaSqm")} m²");
        AssertSqm(area.Sqm, props.Number("releasedAreaSqm"), "released");
        Assert.Equal("CLOSED", props.Text("status"));
        var history = (await HistoryAsync(areaId));
        var last = history[^1].Props();
        Assert.Equal("CLOSED", last.Text("status"));
        Assert.Equal(props.GetProperty("version").GetInt32(), last.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(last.Text("changeReason")), "the closing version says why");
        Assert.Contains(history, v => v.Props().Text("status") == "WORKED_ON");
        Assert.Equal("OPEN", history[0].Props().Text("status"));
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task HandingOverEveryDecisionOfAClosedAreaHandsTheAreaOver()
    {
        var (areaId, _, west, east) = await ClosedAreaAsync();
        foreach (var id in new[] { west, east })
        {
            await _client.MovedAsync(id, "certify");
        }

        await _client.MovedAsync(west, "hand-over");
        Assert.Equal("CLOSED", (await _client.AreaPropsAsync(areaId)).Text("status"));

        await _client.MovedAsync(east, "hand-over");

        var props = await _client.AreaPropsAsync(areaId);
        Assert.Equal("HANDED_OVER", props.Text("status"));
        Assert.True(props.Number("remainingAreaSqm") <= 1, $"remaining {props.Number("remainingAreaSqm")} m²");
        Assert.Equal("HANDED_OVER", (await HistoryAsync(areaId))[^1].Props().Text("status"));
    }

    [Fact]
    public async Task APartialReleaseLeavesTheAreaWorkedOnWithTheRestRemaining()
    {
        var (lon, lat) = NewSpot();
        var area = new Box(lon, lat, lon + 0.004, lat + 0.004);
        var (areaId, _) = await _client.NewAreaAsync(area);

        await _client.ApprovedAsync(Decision(areaId, "REDUCED", new Box(lon, lat, lon + 0.001, lat + 0.004).Polygon()));

        var props = await _client.AreaPropsAsync(areaId);
        Assert.Equal("WORKED_ON", props.Text("status"));
        AssertSqm(new Box(lon + 0.001, lat, lon + 0.004, lat + 0.004).Sqm, props.Number("remainingAreaSqm"), "remaining");
        AssertSqm(new Box(lon, lat, lon + 0.001, lat + 0.004).Sqm, props.Number("releasedAreaSqm"), "released");
    }

    [Fact]
    public async Task RevokingOneDecisionOfAClosedAreaReopensTheLandItReleased()
    {
        var (areaId, area, west, east) = await ClosedAreaAsync();
        var versionBefore = (await _client.AreaPropsAsync(areaId)).GetProperty("version").GetInt32();
        var eastSqm = new Box(area.West + 0.002, area.South, area.East, area.North).Sqm;

        var revoked = (await _client.MovedAsync(east, "revoke", "Submunition found in the cleared strip")).Props();

        Assert.Equal("REVOKED", revoked.Text("state"));
        Assert.Equal(0, revoked.Number("creditedAreaSqm"));
        var props = await _client.AreaPropsAsync(areaId);
        Assert.Equal("WORKED_ON", props.Text("status"));
        Assert.True(props.GetProperty("version").GetInt32() > versionBefore, "the status change is a new version");
        AssertSqm(eastSqm, props.Number("remainingAreaSqm"), "remaining after revocation");
        AssertSqm(area.Sqm - eastSqm, props.Number("releasedAreaSqm"), "released after revocation");
        AssertSqm(area.Sqm - eastSqm, (await _client.DecisionPropsAsync(west)).Number("creditedAreaSqm"), "west still credited");
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task RevokingEveryDecisionLeavesTheWholeAreaRemaining()
    {
        var (areaId, area, west, east) = await ClosedAreaAsync();

        await _client.MovedAsync(west, "revoke", "Wrong area");
        await _client.MovedAsync(east, "revoke", "Wrong area");

        var props = await _client.AreaPropsAsync(areaId);
        Assert.Equal(0, props.Number("releasedAreaSqm"));
        Assert.Equal(props.Number("areaSqm"), props.Number("remainingAreaSqm"));
        AssertSqm(area.Sqm, props.Number("remainingAreaSqm"), "remaining");
        Assert.NotEqual("CLOSED", props.Text("status"));
    }
}
