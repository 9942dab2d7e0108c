using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>Decisions and quality incidents listed by area, state and country, to those who may read that country.</summary>
public sealed class ListingTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Guid[]> ListAsync(string query) =>
        [.. (await _client.GetJsonAsync($"/api/release-decisions?{query}")).GetProperty("features").EnumerateArray()
            .Select(f => Guid.Parse(f.GetProperty("id").GetString()!))];

    [Fact]
    public async Task DecisionsAreListedByHazardAreaAndByState()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.003, lat + 0.003));
        var approved = await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.003).Polygon()));
        var (draft, _) = await _client.DraftAsync(Decision(areaId, "REDUCED", new Box(lon + 0.001, lat, lon + 0.002, lat + 0.003).Polygon()));

        Assert.Equal(new[] { approved, draft }.Order(), (await ListAsync($"hazardAreaId={areaId}")).Order());
        Assert.Equal([approved], await ListAsync($"hazardAreaId={areaId}&state=APPROVED"));
        Assert.Equal([draft], await ListAsync($"hazardAreaId={areaId}&state=draft"));
        Assert.Empty(await ListAsync($"hazardAreaId={areaId}&country=LAO"));
        Assert.Contains(approved, await ListAsync("country=KHM&state=APPROVED"));
    }

    [Fact]
    public async Task IncidentsAreListedByCountryAndOnlyToThoseWhoMayReadIt()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.003, lat + 0.003));
        var strip = new Box(lon, lat, lon + 0.001, lat + 0.003);
        await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip.Polygon(), "2024-01-01"));
        // Half over the first strip: approved (half its land is new) and flagged; a wholly released one would be refused.
        var second = await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon + 0.0005, lat, lon + 0.0015, lat + 0.003).Polygon(), "2024-02-01"));

        var khm = (await _client.GetJsonAsync("/api/quality-incidents?country=KHM")).GetProperty("items").EnumerateArray();
        Assert.Contains(khm, i => i.GetProperty("decisionId").GetGuid() == second);
        Assert.Empty((await _client.GetJsonAsync($"/api/quality-incidents?country=LAO&hazardAreaId={areaId}")).GetProperty("items").EnumerateArray());

        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA", "officer-lao");
        Assert.Empty((await laos.GetJsonAsync($"/api/quality-incidents?hazardAreaId={areaId}")).GetProperty("items").EnumerateArray());
        var surveyor = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-1");
        Assert.Single((await surveyor.GetJsonAsync($"/api/quality-incidents?hazardAreaId={areaId}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ARevocationEffectiveInTheFutureIsRefused()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.003, lat + 0.003));
        var id = await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.003).Polygon()));
        var released = (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm");
        var nextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");

        var response = await _client.MoveAsync(id, "revoke", "Planned re-survey", nextYear);

        // Like a decision's own date of information, a revocation's date cannot be in the future: today's figure
        // would drop the land while "as at today" still counts it.
        Assert.True((int)response.StatusCode is 400 or 422, $"Expected 400 or 422, got {(int)response.StatusCode}");
        Assert.Equal("APPROVED", (await _client.DecisionPropsAsync(id)).Text("state"));
        Assert.Equal(released, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"));
    }
}
