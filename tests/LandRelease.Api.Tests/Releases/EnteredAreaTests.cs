using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>DOMAIN.md rule 3: keep the unit a user entered (ha, km²) alongside the stored m².</summary>
public sealed class EnteredAreaTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();
    private Guid _areaId;
    private Box _inside;

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        var (lon, lat) = NewSpot();
        (_areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        _inside = new Box(lon, lat, lon + 0.001, lat + 0.001);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private JsonObject WithEnteredArea(JsonNode? entered)
    {
        var body = Decision(_areaId, "CLEARED", _inside.Polygon());
        body["enteredArea"] = entered;
        return body;
    }

    [Theory]
    [InlineData(1.5, "HA", 15_000.0)]
    [InlineData(0.25, "KM2", 250_000.0)]
    [InlineData(1234.5, "SQM", 1234.5)]
    [InlineData(2, "ha", 20_000.0)]
    public async Task TheEnteredValueAndUnitAreKeptBesideTheirSquareMetres(double value, string unit, double squareMetres)
    {
        var (id, feature) = await _client.DraftAsync(WithEnteredArea(new JsonObject { ["value"] = value, ["unit"] = unit }));

        foreach (var entered in new[] { feature.Props().GetProperty("enteredArea"), (await _client.DecisionPropsAsync(id)).GetProperty("enteredArea") })
        {
            Assert.Equal(value, entered.Number("value"));
            Assert.Equal(unit.ToUpperInvariant(), entered.Text("unit"));
            Assert.Equal(squareMetres, entered.Number("squareMetres"), 6);
        }
    }

    [Fact]
    public async Task TheEnteredAreaDoesNotReplaceTheComputedArea()
    {
        var (_, feature) = await _client.DraftAsync(WithEnteredArea(new JsonObject { ["value"] = 1.5, ["unit"] = "HA" }));

        AssertSqm(_inside.Sqm, feature.Props().Number("areaSqm"), "computed areaSqm");
    }

    [Fact]
    public async Task WithoutAnEnteredAreaThereIsNone()
    {
        var (_, feature) = await _client.DraftAsync(WithEnteredArea(null));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, feature.Props().GetProperty("enteredArea").ValueKind);
    }

    [Theory]
    [InlineData("ACRE")]
    [InlineData("")]
    [InlineData(null)]
    public async Task AnUnknownUnitIsNamed(string? unit)
    {
        var response = await _client.PostDecisionAsync(WithEnteredArea(new JsonObject { ["value"] = 1.5, ["unit"] = unit }));

        Assert.Equal(["enteredArea.unit"], await response.AssertValidationErrorsAsync());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    public async Task ANonPositiveValueIsNamed(double value)
    {
        var response = await _client.PostDecisionAsync(WithEnteredArea(new JsonObject { ["value"] = value, ["unit"] = "HA" }));

        Assert.Equal(["enteredArea.value"], await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AMissingValueIsNamed()
    {
        var response = await _client.PostDecisionAsync(WithEnteredArea(new JsonObject { ["unit"] = "HA" }));

        Assert.Equal(["enteredArea.value"], await response.AssertValidationErrorsAsync());
    }
}
