using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>OGC API - Tiles: tileset metadata and Mapbox vector tiles, read back by GDAL's MVT driver.</summary>
public sealed class OgcTileTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const int Zoom = 10;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The WebMercatorQuad tile (row y, column x) holding a point.</summary>
    public static (int Y, int X) TileOf(double lon, double lat, int zoom)
    {
        var n = Math.Pow(2, zoom);
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var y = (int)Math.Floor((1 - Math.Asinh(Math.Tan(lat * Math.PI / 180)) / Math.PI) / 2 * n);
        return (y, x);
    }

    [Fact]
    public async Task TilesetsDescribeTheWebMercatorQuadTemplate()
    {
        var tilesets = await _client.GetJsonAsync("/ogc/collections/hazard-areas/tiles");
        var tileset = await _client.GetJsonAsync("/ogc/collections/hazard-areas/tiles/WebMercatorQuad");

        Assert.EndsWith("/tiles/WebMercatorQuad", tilesets.GetProperty("tilesets")[0].Link("self"));
        Assert.Equal("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad", tileset.GetProperty("tileMatrixSetURI").GetString());
        Assert.EndsWith("/ogc/collections/hazard-areas/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", tileset.Link("item"));
        Assert.Equal("hazard-areas", tileset.GetProperty("layers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ATileHoldsTheAreasInItAsGdalReadsThem()
    {
        const double lon = 104.0, lat = 12.05;
        var (y, x) = TileOf(lon, lat, Zoom);
        await _client.SeedAsync((lon - 0.02, lat - 0.01), 7);

        var response = await _client.AssertStatusAsync($"/ogc/collections/hazard-areas/tiles/WebMercatorQuad/{Zoom}/{y}/{x}", HttpStatusCode.OK);

        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Directory.CreateTempSubdirectory("ogc-mvt-").FullName, "tile.mvt");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
        var info = await ExternalTool.RunAsync("/usr/bin/ogrinfo",
            ["-ro", "-so", "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={Zoom}", $"MVT:{file}", "hazard-areas"]);
        Assert.Contains("Feature Count: 7", info);
        Assert.Contains("status: String", info);
        Assert.Contains("localId: String", info);
    }

    [Fact]
    public async Task TilesKeepToTheCallersScope()
    {
        const double lon = 104.3, lat = 12.05;
        var (y, x) = TileOf(lon, lat, Zoom);
        await _client.SeedAsync((lon - 0.02, lat - 0.01), 2);
        var url = $"/ogc/collections/hazard-areas/tiles/WebMercatorQuad/{Zoom}/{y}/{x}";

        var lao = await api.ClientAs([Roles.FieldOperator], ["LAO"], "MAG").AssertStatusAsync(url, HttpStatusCode.OK);
        var khm = await api.ClientAs([Roles.FieldOperator], ["KHM"], "MAG").AssertStatusAsync(url, HttpStatusCode.OK);

        Assert.Empty(await lao.Content.ReadAsByteArrayAsync(Ct));
        Assert.NotEmpty(await khm.Content.ReadAsByteArrayAsync(Ct));
        await api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC").AssertStatusAsync(url, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TilesOutsideTheGridAreA404()
    {
        await _client.AssertStatusAsync("/ogc/collections/hazard-areas/tiles/WebMercatorQuad/3/8/0", HttpStatusCode.NotFound);
        await _client.AssertStatusAsync("/ogc/collections/hazard-areas/tiles/WebMercatorQuad/23/0/0", HttpStatusCode.NotFound);
        await _client.AssertStatusAsync("/ogc/collections/minefields/tiles/WebMercatorQuad/0/0/0", HttpStatusCode.NotFound);
    }
}
