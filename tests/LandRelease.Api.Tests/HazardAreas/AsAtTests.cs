using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>DOMAIN.md rule 5: "as at" a date shows the latest version whose date of information is not after it.</summary>
public sealed class AsAtTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>v1 dated 2023-01-10 (a small square); v2 dated 2024-06-01 (a square four times larger).</summary>
    private async Task<(Guid Id, string LocalId, JsonElement V1, JsonElement V2)> TwoVersionsAsync()
    {
        var localId = NewLocalId("ASAT");
        var (id, v1) = await _client.CreateAreaAsync(
            Features.HazardArea(localId, Features.Square(104.2, 12.3, 0.002), dateOfInformation: "2023-01-10"));
        var revised = Features.HazardArea(localId, Features.Square(104.2, 12.3, 0.004), dateOfInformation: "2024-06-01");
        revised.Properties()["changeReason"] = "Technical survey extended the boundary";
        var v2 = await (await _client.PutFeatureAsync(id, revised, "\"1\"")).AssertJsonAsync(HttpStatusCode.OK);
        return (id, localId, v1, v2);
    }

    private static void AssertSameVersion(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.Props().GetProperty("version").GetInt32(), actual.Props().GetProperty("version").GetInt32());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.GetProperty("geometry").GetRawText()),
            JsonNode.Parse(actual.GetProperty("geometry").GetRawText())), $"expected {expected}\nactual {actual}");
        Assert.Equal(expected.Props().GetProperty("areaSqm").GetDouble(), actual.Props().GetProperty("areaSqm").GetDouble());
        Assert.Equal(expected.Props().GetProperty("dateOfInformation").GetString(), actual.Props().GetProperty("dateOfInformation").GetString());
    }

    [Fact]
    public async Task BeforeTheRevisionsDateTheFirstVersionIsShown()
    {
        var (id, _, v1, v2) = await TwoVersionsAsync();
        Assert.True(v2.Props().GetProperty("areaSqm").GetDouble() > 3 * v1.Props().GetProperty("areaSqm").GetDouble());

        var asAt = await _client.GetJsonAsync($"/api/hazard-areas/{id}?asAt=2023-12-31");

        AssertSameVersion(v1, asAt);
        Assert.Equal("Registered", asAt.Props().GetProperty("changeReason").GetString());
    }

    [Fact]
    public async Task OnTheRevisionsDateTheSecondVersionIsShown()
    {
        var (id, _, _, v2) = await TwoVersionsAsync();

        var asAt = await _client.GetJsonAsync($"/api/hazard-areas/{id}?asAt=2024-06-01");

        AssertSameVersion(v2, asAt);
    }

    [Fact]
    public async Task BeforeTheFirstDateOfInformationThereIsNothingToShow()
    {
        var (id, _, _, _) = await TwoVersionsAsync();

        var problem = await (await _client.GetAsync($"/api/hazard-areas/{id}?asAt=2022-01-01", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("2022-01-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAsAtThatIsNotADateIsAValidationProblem()
    {
        var (id, _, _, _) = await TwoVersionsAsync();

        var fields = await (await _client.GetAsync($"/api/hazard-areas/{id}?asAt=not-a-date", Ct)).AssertValidationErrorsAsync();

        Assert.Equal(["asAt"], fields);
    }

    [Fact]
    public async Task ALateCorrectionDatedInThePastChangesThePastButNotLaterDates()
    {
        var (id, localId, _, v2) = await TwoVersionsAsync();
        var correction = Features.HazardArea(localId, Features.Square(104.2, 12.3, 0.003), dateOfInformation: "2023-06-01");
        correction.Properties()["name"] = "Corrected from the 2023 survey";
        correction.Properties()["changeReason"] = "Late report from the 2023 survey";
        var v3 = await (await _client.PutFeatureAsync(id, correction, "\"2\"")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, v3.Props().GetProperty("version").GetInt32());

        var endOf2023 = await _client.GetJsonAsync($"/api/hazard-areas/{id}?asAt=2023-12-31");
        var mid2024 = await _client.GetJsonAsync($"/api/hazard-areas/{id}?asAt=2024-06-01");
        var before = await _client.GetJsonAsync($"/api/hazard-areas/{id}?asAt=2023-05-31");

        AssertSameVersion(v3, endOf2023);
        Assert.Equal("Corrected from the 2023 survey", endOf2023.Props().GetProperty("name").GetString());
        AssertSameVersion(v2, mid2024);
        Assert.Equal(1, before.Props().GetProperty("version").GetInt32());
    }
}
