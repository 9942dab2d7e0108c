using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>DOMAIN.md rule 4 "Only approved data moves a figure": drafts, submissions and rejections change no report.</summary>
public sealed class ApprovedOnlyTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void AssertUntouched(JsonElement props)
    {
        Assert.Equal(props.Number("areaSqm"), props.Number("remainingAreaSqm"));
        Assert.Equal(0, props.Number("releasedAreaSqm"));
        Assert.Equal("OPEN", props.Text("status"));
        Assert.Equal(1, props.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("DRAFT")]
    [InlineData("SUBMITTED")]
    [InlineData("REJECTED")]
    public async Task ADecisionThatIsNotApprovedChangesNeitherRemainingNorReleasedArea(string state)
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var (id, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.002, lat + 0.002).Polygon()));
        if (state is "SUBMITTED" or "REJECTED")
        {
            await _client.MovedAsync(id, "submit");
        }

        if (state is "REJECTED")
        {
            await _client.MovedAsync(id, "reject", "No completion report attached");
        }

        Assert.Equal(state, (await _client.DecisionPropsAsync(id)).Text("state"));
        Assert.Equal(0, (await _client.DecisionPropsAsync(id)).Number("creditedAreaSqm"));
        AssertUntouched(await _client.AreaPropsAsync(areaId));
        AssertUntouched(await _client.AreaPropsAsync(areaId, asAt: DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd")));
        Assert.Empty(await _client.IncidentsAsync(areaId));
        Assert.Equal(1L, await api.VersionRowsAsync(areaId));
    }

    [Fact]
    public async Task ADraftOverlappingApprovedLandRaisesNoIncidentUntilItIsApproved()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        await _client.ApprovedAsync(Decision(areaId, "CANCELLED", new Box(lon, lat, lon + 0.001, lat + 0.002).Polygon()));
        var released = (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm");

        var (id, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.002, lat + 0.002).Polygon()));
        await _client.MovedAsync(id, "submit");

        Assert.Empty(await _client.IncidentsAsync(areaId));
        Assert.Equal(released, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"));
    }
}
