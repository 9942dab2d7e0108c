using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>
/// The GIS clients people use, for real: GDAL's OAPIF driver (ogrinfo, ogr2ogr) and QGIS headless, against the API
/// on a loopback port, as a Cambodian field operator whose token must not reach Laos.
/// </summary>
public sealed class OgcClientTests(OgcKestrelFactory api) : IClassFixture<OgcKestrelFactory>, IAsyncLifetime
{
    private const int KhmAreas = 23;
    private readonly HttpClient _admin = api.CreateClient();
    private string _token = "";

    private string Root => new Uri(api.BaseAddress, "/ogc").ToString();

    public async ValueTask InitializeAsync()
    {
        await _admin.EnsureOrganisationAsync("CMAC", "KHM");
        await _admin.EnsureOrganisationAsync("MAG", "KHM", "LAO");
        if (await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas") == 0)
        {
            // More than two of GDAL's 10-feature pages, so paging must be followed; three Lao areas the token must not reach.
            await _admin.SeedAsync(OgcApi.NewPatch(), KhmAreas);
            await _admin.SeedAsync((102.1, 19.85), 3, f =>
            {
                f.Properties()["countryCode"] = "LAO";
                f.Properties()["organisation"] = "MAG";
            });
        }

        if (await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas") == 0)
        {
            // Cambodia's 24 provinces, the sample a national authority would load, through the upload.
            var provinces = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "admin-areas", "khm-provinces.geojson"), Ct);
            await _admin.AcceptedAndFinishedAsync(await _admin.UploadRawAsync(provinces, "country=KHM&organisation=CMAC&kind=admin-areas"));
        }

        _token = api.Token([Roles.FieldOperator], ["KHM"], "MAG", "gis-officer");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> Gdal => new() { ["GDAL_HTTP_HEADERS"] = $"Authorization: Bearer {_token}" };

    [Fact]
    public async Task OgrinfoListsTheCollections()
    {
        var output = await ExternalTool.RunAsync("/usr/bin/ogrinfo", ["-ro", "-q", $"OAPIF:{Root}"], Gdal);

        Assert.Contains("hazard-areas", output);
        Assert.Contains("released-land", output);
        Assert.Contains("activities", output);
        Assert.Contains("admin-areas", output);
    }

    [Fact]
    public async Task Ogr2ogrCopiesEveryProvinceOfTheTokensCountry()
    {
        var folder = Directory.CreateTempSubdirectory("ogc-gdal-admin-");
        var gpkg = Path.Combine(folder.FullName, "provinces.gpkg");
        await ExternalTool.RunAsync("/usr/bin/ogr2ogr", ["-f", "GPKG", gpkg, $"OAPIF:{Root}", "admin-areas"], Gdal);

        var info = await ExternalTool.RunAsync("/usr/bin/ogrinfo", ["-ro", "-so", gpkg, "admin-areas"]);
        var held = await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas WHERE country_code = 'KHM'");
        Assert.Equal(24, held);
        Assert.Contains($"Feature Count: {held}", info);
        Assert.Contains("code: String", info);
        folder.Delete(true);
    }

    [Fact]
    public async Task Ogr2ogrCopiesEveryAreaOfTheTokensCountryWithTheSameGeometry()
    {
        var folder = Directory.CreateTempSubdirectory("ogc-gdal-");
        var gpkg = Path.Combine(folder.FullName, "areas.gpkg");
        var geojson = Path.Combine(folder.FullName, "areas.geojson");
        await ExternalTool.RunAsync("/usr/bin/ogr2ogr", ["-f", "GPKG", gpkg, $"OAPIF:{Root}", "hazard-areas"], Gdal);
        await ExternalTool.RunAsync("/usr/bin/ogr2ogr", ["-f", "GeoJSON", geojson, gpkg, "hazard-areas"]);

        var features = JsonDocument.Parse(await File.ReadAllTextAsync(geojson, Ct)).RootElement.GetProperty("features").EnumerateArray().ToList();
        var held = await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE country_code = 'KHM'");
        Assert.Equal(KhmAreas, held);
        Assert.Equal(held, features.Count);
        var ids = features.Select(f => Guid.Parse(f.Props().GetProperty("id").GetString()!)).ToArray();
        var geometries = features.Select(f => f.GetProperty("geometry").GetRawText()).ToArray();
        var same = await api.ScalarAsync<long>("""
            SELECT count(*) FROM hazard_areas h JOIN unnest($1::uuid[], $2::text[]) AS g(id, geojson) ON h.id = g.id
            WHERE h.country_code = 'KHM' AND ST_HausdorffDistance(h.geometry, ST_SetSRID(ST_GeomFromGeoJSON(g.geojson), 4326)) < 1e-8
            """, ids, geometries);
        Assert.Equal(held, same);
        folder.Delete(true);
    }

    [Theory]
    [InlineData("hazard-areas", "SELECT count(*) FROM hazard_areas WHERE country_code = 'KHM'")]
    [InlineData("admin-areas", "SELECT count(*) FROM admin_areas WHERE country_code = 'KHM'")]
    public async Task QgisLoadsTheLayerWithItsBasicAuthenticationAndCountsEveryFeature(string layer, string held)
    {
        var folder = Directory.CreateTempSubdirectory("ogc-qgis-");
        var script = Path.Combine(folder.FullName, "count_features.py");
        await File.WriteAllTextAsync(script, QgisScript.CountFeatures, Ct);

        var output = await ExternalTool.RunAsync("/usr/bin/python3", [script, Root, layer, _token], new Dictionary<string, string>
        {
            ["QT_QPA_PLATFORM"] = "offscreen", ["QGIS_AUTH_DB_DIR_PATH"] = folder.FullName, ["HOME"] = folder.FullName,
            ["XDG_RUNTIME_DIR"] = folder.FullName,
        });

        var count = await api.ScalarAsync<long>(held);
        Assert.True(count > 0, $"no {layer} to count");
        Assert.Contains("valid True", output);
        Assert.Contains($"features {count}", output);
        folder.Delete(true);
    }

    [Fact]
    public async Task TheTokenAsABasicPasswordWorksUnderOgcOnly()
    {
        using var client = new HttpClient { BaseAddress = api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"gis-officer:{_token}")));

        var page = await client.GetJsonAsync("/ogc/collections/hazard-areas/items");

        Assert.Equal(KhmAreas, page.GetProperty("numberMatched").GetInt64());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/hazard-areas", Ct)).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("gis-officer:not-a-token")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/ogc/collections", Ct)).StatusCode);
    }

    [Fact]
    public async Task QgisDrawsTheVectorTilesOfTheTokensCountryOnly()
    {
        const int zoom = 12;
        var lon = await api.ScalarAsync<double>("SELECT ST_X(ST_Centroid(geometry)) FROM hazard_areas WHERE country_code = 'KHM' ORDER BY id LIMIT 1");
        var lat = await api.ScalarAsync<double>("SELECT ST_Y(ST_Centroid(geometry)) FROM hazard_areas WHERE country_code = 'KHM' ORDER BY id LIMIT 1");
        var (y, x) = OgcTileTests.TileOf(lon, lat, zoom);

        async Task<string> RenderAsync(string token)
        {
            var folder = Directory.CreateTempSubdirectory("ogc-qgis-tiles-");
            var script = Path.Combine(folder.FullName, "render_tile.py");
            await File.WriteAllTextAsync(script, QgisScript.RenderTile, Ct);
            var args = new[] { script, Root, "hazard-areas", token, $"{zoom}", $"{y}", $"{x}" };
            // A fresh home each time: QGIS caches tiles on disk, and the second render must not see the first's.
            var output = await ExternalTool.RunAsync("/usr/bin/python3", args, new Dictionary<string, string>
            {
                ["QT_QPA_PLATFORM"] = "offscreen", ["QGIS_AUTH_DB_DIR_PATH"] = folder.FullName, ["HOME"] = folder.FullName,
                ["XDG_RUNTIME_DIR"] = folder.FullName,
            });
            folder.Delete(true);
            return output;
        }

        var khm = await RenderAsync(_token);
        var lao = await RenderAsync(api.Token([Roles.FieldOperator], ["LAO"], "MAG"));

        static int Painted(string output) =>
            int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"painted (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("valid True", khm);
        Assert.True(Painted(khm) > 0, $"QGIS drew nothing of the Cambodian areas:\n{khm}");
        Assert.Equal(0, Painted(lao));
    }
}
