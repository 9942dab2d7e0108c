using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Input that cannot be read: a 400 ProblemDetails (never a 500), naming the field, and nothing written.</summary>
public sealed class MalformedRequestTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string[]> AssertUnreadableAsync(JsonObject feature, string localId)
    {
        var fields = await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync();
        await api.AssertNothingStoredAsync(localId);
        return fields;
    }

    private async Task AssertRawBodyRejectedAsync(HttpContent content)
    {
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions");
        var response = await _client.PostAsync("/api/hazard-areas", content, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("detail", out _) || problem.TryGetProperty("errors", out _), $"Says nothing: {problem}");
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions"));
    }

    [Fact]
    public async Task MissingNameLocalIdAndStatusAreEachListed()
    {
        const double lon = 103.77, lat = 12.61;
        var feature = Features.HazardArea("ignored", Features.Square(lon, lat, 0.001));
        feature.Properties().Remove("name");
        feature.Properties().Remove("localId");
        feature.Properties().Remove("status");

        var fields = await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync();

        Assert.Equal(["properties.localId", "properties.name", "properties.status"], fields.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hazard_area_versions WHERE ST_Intersects(geometry, ST_MakeEnvelope($1, $2, $3, $4, 4326))",
            lon, lat, lon + 0.001, lat + 0.001));
    }

    [Fact]
    public async Task AnUnknownClassificationIsNamed()
    {
        var localId = NewLocalId("XHA");
        var fields = await AssertUnreadableAsync(Features.HazardArea(localId, classification: "XHA"), localId);
        Assert.Equal(["properties.classification"], fields);
    }

    [Fact]
    public async Task AnImpossibleDateIsNamed()
    {
        var localId = NewLocalId("DATE");
        var fields = await AssertUnreadableAsync(Features.HazardArea(localId, dateOfInformation: "2024-13-45"), localId);
        Assert.Equal(["properties.dateOfInformation"], fields);
    }

    [Fact]
    public async Task AnUnclosedRingIsNamedAsGeometry()
    {
        var localId = NewLocalId("UNCLOSED");
        var open = Features.Polygon((103.5, 12.9), (103.502, 12.9), (103.502, 12.902), (103.5, 12.902));
        Assert.Equal(["geometry"], await AssertUnreadableAsync(Features.HazardArea(localId, open), localId));
    }

    [Theory]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.5,12.9],[103.5,12.9]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[103.5],[103.502,12.9],[103.502,12.902],[103.5]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":"103.5,12.9"}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[["103.5","12.9"],[103.502,12.9],[103.502,12.902],["103.5","12.9"]]]}""")]
    [InlineData("""{"type":"Circle","coordinates":[103.5,12.9]}""")]
    [InlineData("""{"coordinates":[[[103.5,12.9],[103.502,12.9],[103.502,12.902],[103.5,12.9]]]}""")]
    [InlineData("""[]""")]
    // A ring of 3 positions (a, b, a) is readable (NTS, like JTS 1.18+, builds it): see RejectionTests.
    public async Task AnUnreadableGeometryIsNamedAsGeometry(string geometry)
    {
        var localId = NewLocalId("BADGEOM");
        var feature = Features.HazardArea(localId);
        feature["geometry"] = JsonNode.Parse(geometry);
        Assert.Equal(["geometry"], await AssertUnreadableAsync(feature, localId));
    }

    [Fact]
    public async Task AFeatureCollectionIsNamedAsTheWrongType()
    {
        var localId = NewLocalId("FC");
        var feature = Features.HazardArea(localId);
        feature["type"] = "FeatureCollection";
        Assert.Equal(["type"], await AssertUnreadableAsync(feature, localId));
    }

    [Fact]
    public Task TruncatedJsonIsABadRequestProblem() =>
        AssertRawBodyRejectedAsync(RawJson(Features.HazardArea(NewLocalId("TRUNC")).ToJsonString()[..120]));

    [Fact]
    public Task AnArrayWherePropertiesShouldBeIsABadRequestProblem()
    {
        var feature = Features.HazardArea(NewLocalId("ARRAY"));
        feature["properties"] = new JsonArray();
        return AssertRawBodyRejectedAsync(RawJson(feature.ToJsonString()));
    }

    [Fact]
    public Task AnEmptyBodyIsABadRequestProblem() => AssertRawBodyRejectedAsync(RawJson(""));
}
