using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Geometry the register refuses: a 422 naming the rule, and nothing written.</summary>
public sealed partial class RejectionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const double Lon = 103.5, Lat = 12.9;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonNode?> AssertRejectedAsync(JsonObject geometry, string rule)
    {
        var localId = NewLocalId("REJ");
        var violation = await (await _client.PostFeatureAsync(Features.HazardArea(localId, geometry))).AssertViolationAsync(rule);
        Assert.Equal("geometry", violation.GetProperty("field").GetString());
        await api.AssertNothingStoredAsync(localId);
        return JsonNode.Parse(violation.GetRawText());
    }

    [Fact]
    public async Task APointIsRejectedAsTheWrongGeometryType() =>
        await AssertRejectedAsync(new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(Lon, Lat) }, "geometry-type");

    [Fact]
    public async Task ARingWithTwoDistinctVerticesIsRejected() =>
        await AssertRejectedAsync(Features.Polygon((Lon, Lat), (Lon + 0.002, Lat), (Lon + 0.002, Lat), (Lon, Lat)), "too-few-vertices");

    [Fact]
    public async Task AClosedRingOfThreePositionsIsRejectedAsTooFewVertices() =>
        await AssertRejectedAsync(Features.Polygon((Lon, Lat), (Lon + 0.002, Lat), (Lon, Lat)), "too-few-vertices");

    [Fact]
    public async Task APolygonWithoutCoordinatesIsRejectedAsEmpty() =>
        await AssertRejectedAsync(new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray() }, "geometry-type");

    [Fact]
    public async Task ABowtieIsRejectedAtItsCrossing()
    {
        const double d = 0.002;
        var bowtie = Features.Polygon((Lon, Lat), (Lon + d, Lat + d), (Lon + d, Lat), (Lon, Lat + d), (Lon, Lat));

        var violation = await AssertRejectedAsync(bowtie, "invalid-geometry");

        var location = violation!["location"]!.AsArray();
        Assert.Equal(Lon + d / 2, (double)location[0]!, 1e-7);
        Assert.Equal(Lat + d / 2, (double)location[1]!, 1e-7);
    }

    [Fact]
    public async Task ACollinearRingIsRejectedAsZeroArea() =>
        await AssertRejectedAsync(Features.Polygon((Lon, Lat), (Lon + 0.001, Lat + 0.001), (Lon + 0.002, Lat + 0.002), (Lon, Lat)), "zero-area");

    [Fact]
    public async Task ACoordinateOffTheGlobeIsRejected() =>
        await AssertRejectedAsync(Features.Polygon((Lon, Lat), (1e308, Lat), (Lon + 0.002, Lat + 0.002), (Lon, Lat)), "coordinate-range");

    [Fact]
    public async Task SwappedLatitudeAndLongitudeAreRecognised()
    {
        var swapped = Features.Polygon((Lat, Lon), (Lat, Lon + 0.002), (Lat + 0.002, Lon + 0.002), (Lat + 0.002, Lon), (Lat, Lon));
        var violation = await AssertRejectedAsync(swapped, "swapped-coordinates");
        Assert.Contains("swapped", violation!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LandInCentralThailandIsOutsideCambodia()
    {
        var violation = await AssertRejectedAsync(Features.Square(100.5, 15.0, 0.002), "outside-country");
        Assert.True(KilometresOutside(violation!) > 100, violation!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task LandAboutOneKilometreOutsideTheBorderIsAccepted()
    {
        var (lon, lat) = await WesternmostVertexAsync();
        var localId = NewLocalId("BORDER-1KM");

        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId, Features.Square(lon - 0.009 - 0.002, lat - 0.001, 0.002)));

        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task LandAboutSixKilometresOutsideTheBorderIsRejectedWithTheDistance()
    {
        var (lon, lat) = await WesternmostVertexAsync();

        var violation = await AssertRejectedAsync(Features.Square(lon - 0.055 - 0.002, lat - 0.001, 0.002), "outside-country");

        // 0.055° of longitude at 13.5°N is about 5.95 km.
        Assert.InRange(KilometresOutside(violation!), 5.5, 6.5);
    }

    private async Task<(double Lon, double Lat)> WesternmostVertexAsync()
    {
        var country = await _client.GetJsonAsync("/api/countries/KHM");
        var vertices = country.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .SelectMany(polygon => polygon.EnumerateArray()).SelectMany(ring => ring.EnumerateArray())
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble()));
        return vertices.MinBy(p => p.Lon);
    }

    private static double KilometresOutside(JsonNode violation)
    {
        var message = violation["message"]!.GetValue<string>();
        var match = KilometresPattern().Match(message);
        Assert.True(match.Success, $"No distance in km in: {message}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?) km outside KHM")]
    private static partial Regex KilometresPattern();
}
