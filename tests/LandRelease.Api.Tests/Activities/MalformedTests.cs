using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>Activities that cannot be read: a 400 ProblemDetails naming each field (never a 500), and nothing stored.</summary>
public sealed class MalformedTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();
    private TestArea _area = null!;

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        _area = await _client.NewTestAreaAsync();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string[]> AssertUnreadableAsync(JsonObject feature)
    {
        var fields = await (await _client.PostActivityAsync(_area.Id, feature)).AssertValidationErrorsAsync();
        Assert.Equal(0L, await api.ActivityRowsAsync(_area.Id));
        return [.. fields.Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task EachMissingRequiredFieldIsNamed()
    {
        var feature = Activity(_area, "NTS", null);
        foreach (var name in new[] { "type", "organisation", "method", "startDate", "status", "referencePoint" })
        {
            feature.Properties().Remove(name);
        }

        Assert.Equal(["properties.method", "properties.organisation", "properties.referencePoint", "properties.startDate",
            "properties.status", "properties.type"], await AssertUnreadableAsync(feature));
    }

    [Fact]
    public async Task UnknownValuesOfEveryEnumAreNamed()
    {
        var feature = Activity(_area, "DEMINING", null, status: "DONE", devices: [Device("MINE", 1, 1)],
            outcomes: [Outcome("RELEASED", _area.WestHalf.Polygon())]);

        Assert.Equal(["properties.devices[0].type", "properties.proposedOutcomes[0].kind", "properties.status", "properties.type"],
            await AssertUnreadableAsync(feature));
    }

    [Fact]
    public async Task ImpossibleDatesAreNamed() =>
        Assert.Equal(["properties.endDate", "properties.startDate"],
            await AssertUnreadableAsync(Activity(_area, "NTS", null, startDate: "2024-02-30", endDate: "30/04/2024")));

    [Fact]
    public async Task ADeviceWithoutCountsAndAnOutcomeWithoutGeometryAreNamed()
    {
        var feature = Activity(_area, "CLEARANCE", _area.Box.Polygon(), outcomes: [new JsonObject { ["kind"] = "CLEARED" }],
            devices: [new JsonObject { ["type"] = "AP_MINE" }]);

        Assert.Equal(["properties.devices[0].destroyed", "properties.devices[0].found", "properties.proposedOutcomes[0].geometry"],
            await AssertUnreadableAsync(feature));
    }

    [Fact]
    public async Task AReferencePointThatIsNotAPointIsNamed() =>
        Assert.Equal(["properties.referencePoint"],
            await AssertUnreadableAsync(Activity(_area, "NTS", null, referencePoint: _area.Box.Polygon())));

    [Fact]
    public async Task AnUnclosedRingIsNamedAsGeometry()
    {
        var b = _area.Box;
        var open = Features.Polygon((b.West, b.South), (b.East, b.South), (b.East, b.North), (b.West, b.North));
        Assert.Equal(["geometry"], await AssertUnreadableAsync(Activity(_area, "CLEARANCE", open)));
    }

    [Fact]
    public async Task AFeatureCollectionInsteadOfAFeatureIsNamed()
    {
        var feature = Activity(_area, "NTS", null);
        feature["type"] = "FeatureCollection";
        Assert.Equal(["type"], await AssertUnreadableAsync(feature));
    }

    [Theory]
    [InlineData("{\"type\":\"Feature\",\"properties\":{\"type\":\"NTS\"")]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{\"devices\":[{\"type\":\"AP_MINE\",\"found\":\"three\",\"destroyed\":0}]}}")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{\"hazardAreaId\":\"not-a-uuid\"}}")]
    [InlineData("")]
    public async Task ABodyThatIsNotAnActivityFeatureIsA400(string body)
    {
        var response = await _client.PostAsync($"/api/hazard-areas/{_area.Id}/activities", RawJson(body), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("detail", out _) || problem.TryGetProperty("errors", out _), $"Says nothing: {problem}");
        Assert.Equal(0L, await api.ActivityRowsAsync(_area.Id));
    }
}
