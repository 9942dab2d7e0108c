using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>DOMAIN.md rule 2 "Stay inside": an outcome polygon lies within its hazardous area, within a small tolerance (1 m).</summary>
public sealed partial class InsideRuleTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    /// <summary>About 0.5 m in latitude and longitude at 13° N: inside the 1 m tolerance.</summary>
    private const double HalfMetre = 0.0000045;

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) m² outside")]
    private static partial Regex OutsideSqm();

    [Fact]
    public async Task APolygonPartlyOutsideItsAreaIsRefusedSayingHowManySquareMetresLieOutside()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var straddling = new Box(lon + 0.001, lat, lon + 0.003, lat + 0.001);
        var outside = new Box(lon + 0.002, lat, lon + 0.003, lat + 0.001);

        var response = await _client.PostDecisionAsync(Decision(areaId, "CLEARED", straddling.Polygon()));

        var violation = await response.AssertViolationAsync("outside-hazard-area");
        Assert.Equal("geometry", violation.Text("field"));
        var match = OutsideSqm().Match(violation.Text("message")!);
        Assert.True(match.Success, $"No m² figure in: {violation.Text("message")}");
        AssertSqm(outside.Sqm, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), "m² outside in the message");
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM release_decisions WHERE hazard_area_id = $1", areaId));
    }

    [Fact]
    public async Task APolygonEntirelyOutsideItsAreaIsRefused()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var elsewhere = new Box(lon + 0.005, lat, lon + 0.006, lat + 0.001);

        var response = await _client.PostDecisionAsync(Decision(areaId, "CANCELLED", elsewhere.Polygon()));

        var match = OutsideSqm().Match((await response.AssertViolationAsync("outside-hazard-area")).Text("message")!);
        AssertSqm(elsewhere.Sqm, double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), "m² outside in the message");
    }

    [Fact]
    public async Task APolygonExceedingItsAreaByHalfAMetreIsAcceptedAndApproved()
    {
        var (lon, lat) = NewSpot();
        var area = new Box(lon, lat, lon + 0.002, lat + 0.002);
        var (areaId, _) = await _client.NewAreaAsync(area);
        var enlarged = new Box(lon - HalfMetre, lat - HalfMetre, lon + 0.002 + HalfMetre, lat + 0.002 + HalfMetre);

        var id = await _client.ApprovedAsync(Decision(areaId, "CLEARED", enlarged.Polygon()));

        var decision = await _client.DecisionPropsAsync(id);
        AssertSqm(enlarged.Sqm, decision.Number("areaSqm"), "enlarged decision areaSqm");
        Assert.True(enlarged.Sqm - area.Sqm > 100, "the enlargement is not negligible in m²");
        var areaProps = await _client.AreaPropsAsync(areaId);
        Assert.True(areaProps.Number("remainingAreaSqm") <= 1, $"remaining {areaProps.Number("remainingAreaSqm")}");
    }

    [Fact]
    public async Task ReleasedLandNeverExceedsTheAreaEvenWhenAPolygonStraysWithinTheTolerance()
    {
        var (lon, lat) = NewSpot();
        var (areaId, areaSqm) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var enlarged = new Box(lon - HalfMetre, lat - HalfMetre, lon + 0.002 + HalfMetre, lat + 0.002 + HalfMetre);

        await _client.ApprovedAsync(Decision(areaId, "CLEARED", enlarged.Polygon()));

        var released = (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm");
        Assert.True(released <= areaSqm + 1, $"released {released} m² of an area of {areaSqm} m²");
    }

    [Fact]
    public async Task EditingADraftToStrayOutsideIsRefusedAndTheDraftIsKept()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var inside = new Box(lon, lat, lon + 0.001, lat + 0.001);
        var (id, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", inside.Polygon()));

        var response = await _client.PutAsync($"/api/release-decisions/{id}",
            System.Net.Http.Json.JsonContent.Create(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.004, lat + 0.001).Polygon())), Ct);

        await response.AssertViolationAsync("outside-hazard-area");
        AssertSqm(inside.Sqm, (await _client.DecisionPropsAsync(id)).Number("areaSqm"), "draft area after refused edit");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/release-decisions/{id}", Ct)).StatusCode);
    }
}
