using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// 1e308 km² is a finite number whose m² are not: the decision was stored and its response failed to serialise.
/// Every typed figure has a plausible range, refused as a 4xx naming the field.
/// </summary>
public sealed class HugeNumberTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();
    private Guid _areaId;
    private double _lon;
    private double _lat;

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        (_lon, _lat) = NewSpot();
        (_areaId, _) = await _client.NewAreaAsync(new Box(_lon, _lat, _lon + 0.002, _lat + 0.002));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("1e308", "KM2")]
    [InlineData("1e300", "HA")]
    [InlineData("1.1e12", "SQM")]
    [InlineData("1e309", "SQM")]
    public async Task AnEnteredAreaBeyondAMillionSquareKilometresIsA400NamingIt(string value, string unit)
    {
        var before = await api.ScalarAsync<long>("SELECT count(*) FROM release_decisions");
        var decision = Decision(_areaId, "CLEARED", new Box(_lon, _lat, _lon + 0.001, _lat + 0.001).Polygon());
        decision["enteredArea"] = new JsonObject { ["value"] = "VALUE", ["unit"] = unit };
        // Written by hand: JsonNode would not carry 1e309 as such.
        var body = decision.ToJsonString().Replace("\"VALUE\"", value, StringComparison.Ordinal);

        var fields = await (await _client.PostAsync("/api/release-decisions", RawJson(body), Ct)).AssertValidationErrorsAsync();

        Assert.Equal(["enteredArea.value"], fields);
        Assert.Equal(before, await api.ScalarAsync<long>("SELECT count(*) FROM release_decisions"));
    }

    [Fact]
    public async Task AnEnteredAreaOfAMillionSquareKilometresIsKept()
    {
        var body = Decision(_areaId, "CLEARED", new Box(_lon, _lat, _lon + 0.001, _lat + 0.001).Polygon());
        body["enteredArea"] = new JsonObject { ["value"] = 1_000_000, ["unit"] = "KM2" };

        var (_, feature) = await _client.DraftAsync(body);

        Assert.Equal(1e12, feature.Props().GetProperty("enteredArea").GetProperty("squareMetres").GetDouble());
    }

    [Fact]
    public async Task TenThousandAttachmentsAreA400NamingTheList()
    {
        var body = Decision(_areaId, "CLEARED", new Box(_lon, _lat, _lon + 0.001, _lat + 0.001).Polygon());
        body["attachments"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => (JsonNode)new JsonObject
        {
            ["kind"] = "OTHER", ["fileName"] = "annex.pdf", ["sha256"] = new string('b', 64),
        })]);

        Assert.Equal(["attachments"], await (await _client.PostDecisionAsync(body)).AssertValidationErrorsAsync());
    }

    [Theory]
    [InlineData("contamination")]
    [InlineData("evidence")]
    public async Task AHazardousAreaWithTenThousandListEntriesIsA400NamingTheList(string list)
    {
        var localId = NewLocalId("LIST");
        var feature = Features.HazardArea(localId);
        feature.Properties()[list] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(_ => list == "contamination"
            ? (JsonNode)"AP_MINE"
            : new JsonObject { ["kind"] = "DIRECT", ["description"] = "PMN-2 found by a farmer" })]);

        Assert.Equal([$"properties.{list}"], await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync());
        await api.AssertNothingStoredAsync(localId);
    }

    [Fact]
    public async Task ADeviceCountOfTwoBillionIsARuleViolation()
    {
        var area = await _client.NewTestAreaAsync();
        var feature = ActivityApi.Activity(area, "NTS", null, devices: [ActivityApi.Device("AP_MINE", int.MaxValue, 0)]);

        var problem = await (await _client.PostActivityAsync(area.Id, feature)).AssertViolationAsync("device-count-too-large");

        Assert.Equal("properties.devices[0].found", problem.GetProperty("field").GetString());
        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
    }

    [Theory]
    [InlineData("1e308", "13.36", "EPSG:32648")]
    [InlineData("1e308", "1e308", "EPSG:4326")]
    public async Task AReferencePointOfAHugeTraverseIsRefused(string x, string y, string crs)
    {
        var body = $$"""
            {"referencePoint": {"x": {{x}}, "y": {{y}}, "crs": "{{crs}}"}, "bearingReference": "TRUE", "angleUnit": "DEGREES",
             "legs": [{"bearing": 10, "distance": 20}, {"bearing": 90, "distance": 50}, {"bearing": 180, "distance": 50},
                      {"bearing": 270, "distance": 50}, {"bearing": 0, "distance": 50}]}
            """;

        using var response = await _client.PostAsync("/api/traverses/preview", RawJson(body), Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
