using System.Globalization;
using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Domain.Coordinates;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>OGC API - Features Part 2: geometries and bboxes in CRS84, EPSG:4326 (latitude first) and the UTM zones.</summary>
public sealed class OgcCrsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static double[] FirstVertex(JsonElement feature) =>
        [.. feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0].EnumerateArray().Select(v => v.GetDouble())];

    private async Task<(string Id, double Lon, double Lat)> OneAreaAsync()
    {
        var patch = OgcApi.NewPatch();
        var id = (await _client.SeedAsync(patch, 1))[0];
        var feature = await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items/{id}");
        var vertex = FirstVertex(feature);
        return (id, vertex[0], vertex[1]);
    }

    [Fact]
    public async Task ItemsInUtm48NMatchTheProjectsOwnUtmFormulasAndSayTheirCrs()
    {
        var (id, lon, lat) = await OneAreaAsync();

        var response = await _client.AssertStatusAsync($"/ogc/collections/hazard-areas/items/{id}?crs={OgcApi.Utm48N}", HttpStatusCode.OK);

        Assert.Equal($"<{OgcApi.Utm48N}>", response.Headers.GetValues("Content-Crs").Single());
        var feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.False(feature.GetProperty("geometry").TryGetProperty("crs", out _), "The CRS is said in Content-Crs, not in the geometry.");
        var (easting, northing) = Utm.FromWgs84(lon, lat, 48, north: true);
        var vertex = FirstVertex(feature);
        Assert.Equal(easting, vertex[0], 0.01);
        Assert.Equal(northing, vertex[1], 0.01);
    }

    [Fact]
    public async Task Epsg4326PutsLatitudeFirstAndCrs84IsTheDefault()
    {
        var (id, lon, lat) = await OneAreaAsync();

        var plain = await _client.AssertStatusAsync($"/ogc/collections/hazard-areas/items/{id}", HttpStatusCode.OK);
        var flipped = await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items/{id}?crs={OgcApi.Epsg4326}");

        Assert.Equal($"<{OgcApi.Crs84}>", plain.Headers.GetValues("Content-Crs").Single());
        Assert.Equal([lat, lon], FirstVertex(flipped));
    }

    [Fact]
    public async Task BboxCrsReadsTheBoxInThatCrsAndAxisOrder()
    {
        var (id, lon, lat) = await OneAreaAsync();
        var items = "/ogc/collections/hazard-areas/items";
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        var (e, n) = Utm.FromWgs84(lon, lat, 48, north: true);
        var utm = await _client.GetJsonAsync($"{items}?bbox={N(e - 50)},{N(n - 50)},{N(e + 50)},{N(n + 50)}&bbox-crs={OgcApi.Utm48N}");
        var latFirst = await _client.GetJsonAsync($"{items}?bbox={N(lat - 0.0005)},{N(lon - 0.0005)},{N(lat + 0.0005)},{N(lon + 0.0005)}&bbox-crs={OgcApi.Epsg4326}");
        var utmElsewhere = await _client.GetJsonAsync($"{items}?bbox={N(e + 5000)},{N(n + 5000)},{N(e + 6000)},{N(n + 6000)}&bbox-crs={OgcApi.Utm48N}");

        Assert.Equal([id], utm.Ids());
        Assert.Equal([id], latFirst.Ids());
        // The same box written longitude first puts 102° in the latitude axis: refused, not silently empty.
        Assert.Equal(["bbox"], await _client.BadParametersAsync(
            $"{items}?bbox={N(lon - 0.0005)},{N(lat - 0.0005)},{N(lon + 0.0005)},{N(lat + 0.0005)}&bbox-crs={OgcApi.Epsg4326}"));
        Assert.DoesNotContain(id, utmElsewhere.Ids());
    }

    [Fact]
    public async Task UnsupportedCrsAndABboxCrsWithoutBboxAreRefused()
    {
        var problem = await (await _client.GetAsync("/ogc/collections/hazard-areas/items?crs=EPSG:3148", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("32651", problem.GetProperty("errors").GetProperty("crs")[0].GetString());
        Assert.Equal(["bbox-crs"], await _client.BadParametersAsync($"/ogc/collections/hazard-areas/items?bbox-crs={OgcApi.Utm48N}"));
        Assert.Equal(["crs"], await _client.BadParametersAsync($"/ogc/collections/hazard-areas/items/{Guid.NewGuid()}?crs=urn:ogc:def:crs:EPSG::3857"));
    }
}
