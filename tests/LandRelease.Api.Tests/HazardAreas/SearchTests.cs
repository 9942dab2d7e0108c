using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>The register searched as the register browser does: parts of the local id and name, organisation, classification.</summary>
public sealed class SearchTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("HALO-KHM", "KHM");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> SeedAsync(string localId, string name, string organisation = "CMAC", string classification = "CHA")
    {
        var feature = Features.HazardArea(localId, organisation: organisation, classification: classification);
        feature.Properties()["name"] = name;
        return (await _client.CreateAreaAsync(feature)).Id.ToString();
    }

    private async Task<string[]> SearchAsync(string query) =>
        [.. (await _client.GetJsonAsync($"/api/hazard-areas?{query}&limit=1000")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString()!)];

    [Fact]
    public async Task FindsAreasByPartOfTheLocalIdOrNameInAnyCase()
    {
        var batch = NewLocalId("SRCH");
        var first = await SeedAsync($"{batch}-A", "Prey Kri village paddy");
        var second = await SeedAsync($"{batch}-B", "Road to Prey Veng");

        Assert.Equal([first], await SearchAsync($"localId={batch.ToLowerInvariant()}-a"));
        Assert.Equal(new[] { first, second }.Order(), (await SearchAsync($"localId={batch}")).Order());
        Assert.Equal([second], await SearchAsync($"localId={batch}&name=PREY%20VENG"));
    }

    [Fact]
    public async Task WildcardsInTheSearchTextAreTakenLiterally()
    {
        var batch = NewLocalId("LIKE");
        await SeedAsync($"{batch}-1", "Field 1");

        Assert.Empty(await SearchAsync($"localId={batch}%25"));
        Assert.Empty(await SearchAsync($"localId={batch}_1"));
    }

    [Fact]
    public async Task FiltersByOrganisationAndClassification()
    {
        var batch = NewLocalId("ORG");
        var halo = await SeedAsync($"{batch}-H", "Halo field", organisation: "HALO-KHM", classification: "SHA");
        var cmac = await SeedAsync($"{batch}-C", "Cmac field");

        Assert.Equal([halo], await SearchAsync($"localId={batch}&organisation=halo-khm"));
        Assert.Equal([halo], await SearchAsync($"localId={batch}&classification=sha"));
        Assert.Equal([cmac], await SearchAsync($"localId={batch}&classification=CHA&organisation=CMAC"));
    }

    [Fact]
    public async Task AnUnknownClassificationIsNamed()
    {
        var problem = await (await _client.GetAsync("/api/hazard-areas?classification=SUSPECTED", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("SHA", problem.GetProperty("errors").GetProperty("classification")[0].GetString(), StringComparison.Ordinal);
    }
}
