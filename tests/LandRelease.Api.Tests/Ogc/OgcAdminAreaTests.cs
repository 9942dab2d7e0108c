using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.AdminAreas.AdminAreaApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>
/// The admin-areas collection: the boundaries a national authority loaded, as items (filters, bbox, paging, CRS), single
/// items, vector tiles and HTML, to the same readers as the register; listed only where the caller's countries have some.
/// </summary>
public sealed class OgcAdminAreaTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Items = "/ogc/collections/admin-areas/items";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOperatorAsync();
        if (await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas") > 0)
        {
            return;
        }

        // Two Cambodian provinces, one with a district whose code keeps its lower case; one Lao province.
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(
            Area("KH-A", "Province A", 1, null, Cells("KHM", 0, 0, 2, 2)),
            Area("KH-B", "Province B", 1, null, Cells("KHM", 2, 0, 4, 2)),
            Area("KH-A-d1", "District A1", 2, "KH-A", Cells("KHM", 0, 0, 1, 1))), Query("KHM")));
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(
            Area("LA-A", "Province LA", 1, null, Cells("LAO", 0, 0, 2, 2))), Query("LAO")));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private HttpClient Khm => api.ClientAs([Roles.FieldOperator], ["KHM"], "REPORT-OPS");

    [Fact]
    public async Task ItemsPageTheCountrysAreasWithNumberMatchedAndTheirProperties()
    {
        var pages = await Khm.AllPagesAsync($"{Items}?limit=2");

        Assert.Equal([2, 1], pages.Select(p => p.GetProperty("numberReturned").GetInt32()).ToArray());
        Assert.Equal(3, pages[0].GetProperty("numberMatched").GetInt64());
        var features = pages.SelectMany(p => p.GetProperty("features").EnumerateArray()).ToList();
        Assert.Equal(["KH-A", "KH-A-d1", "KH-B"], features.Select(f => f.Props().GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        var district = features.Single(f => f.Props().GetProperty("code").GetString() == "KH-A-d1").Props();
        Assert.Equal(2, district.GetProperty("level").GetInt32());
        Assert.Equal("KH-A", district.GetProperty("parentCode").GetString());
        Assert.Equal("KHM", district.GetProperty("countryCode").GetString());
        Assert.Equal(Cells("KHM", 0, 0, 1, 1).Sqm, district.GetProperty("areaSqm").GetDouble(), Cells("KHM", 0, 0, 1, 1).Sqm * 1e-4);
    }

    [Fact]
    public async Task FiltersByLevelParentCodeAndBbox()
    {
        var provinces = await Khm.GetJsonAsync($"{Items}?level=1");
        var children = await Khm.GetJsonAsync($"{Items}?parentCode=KH-A");
        var (lon, lat) = Inland["KHM"];
        var east = await Khm.GetJsonAsync(FormattableString.Invariant($"{Items}?bbox={lon + 0.025},{lat + 0.005},{lon + 0.035},{lat + 0.015}"));

        Assert.Equal(2, provinces.GetProperty("numberMatched").GetInt64());
        Assert.Equal(["KH-A-d1"], children.GetProperty("features").EnumerateArray().Select(f => f.Props().GetProperty("code").GetString()));
        Assert.Equal(["KH-B"], east.GetProperty("features").EnumerateArray().Select(f => f.Props().GetProperty("code").GetString()));
        Assert.Equal(0, (await Khm.GetJsonAsync($"{Items}?parentCode=kh-a")).GetProperty("numberMatched").GetInt64());
        Assert.Equal(3, (await Khm.GetJsonAsync($"{Items}?datetime=2000-01-01/..")).GetProperty("numberMatched").GetInt64());
        Assert.Equal(0, (await Khm.GetJsonAsync($"{Items}?datetime=../2000-01-01")).GetProperty("numberMatched").GetInt64());
    }

    [Fact]
    public async Task BadFiltersAreNamedAndAnotherCountryIsOutOfReach()
    {
        Assert.Equal(["level"], await Khm.BadParametersAsync($"{Items}?level=3"));
        Assert.Equal(["classification"], await Khm.BadParametersAsync($"{Items}?classification=CHA"));
        await Khm.AssertStatusAsync($"{Items}?country=LAO", HttpStatusCode.Forbidden);
        var lao = (await _client.GetJsonAsync($"{Items}?country=LAO")).Ids().Single();
        await Khm.AssertStatusAsync($"{Items}/{lao}", HttpStatusCode.Forbidden);
        await api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC").AssertStatusAsync(Items, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OneAreaComesInTheCrsAskedWithContentCrs()
    {
        var id = (await Khm.GetJsonAsync($"{Items}?parentCode=KH-A")).Ids().Single();

        var response = await Khm.AssertStatusAsync($"{Items}/{id}?crs={OgcApi.Utm48N}", HttpStatusCode.OK);

        Assert.Equal($"<{OgcApi.Utm48N}>", response.Headers.GetValues("Content-Crs").Single());
        var feature = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("District A1", feature.Props().GetProperty("name").GetString());
        var easting = feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0][0].GetDouble();
        Assert.InRange(easting, 100_000, 900_000);
    }

    [Fact]
    public async Task TheCollectionIsListedOnlyWhereTheCallersCountriesHaveAreas()
    {
        static string[] Ids(System.Text.Json.JsonElement list) =>
            [.. list.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];

        var khm = Ids(await Khm.GetJsonAsync("/ogc/collections?f=json"));
        var mys = Ids(await api.ClientAs([Roles.FieldOperator], ["MYS"], "REPORT-OPS").GetJsonAsync("/ogc/collections?f=json"));

        Assert.Contains("admin-areas", khm);
        Assert.DoesNotContain("admin-areas", mys);
        Assert.Contains("hazard-areas", mys);
        var html = await (await Khm.AssertStatusAsync("/ogc/collections/admin-areas?f=html", HttpStatusCode.OK)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Administrative areas", html);
        Assert.Contains("/ogc/collections/admin-areas/items", html);
    }

    [Fact]
    public async Task ATileHoldsTheCountrysAreasOnly()
    {
        const int zoom = 16;
        var (lon, lat) = Inland["KHM"];
        var (y, x) = OgcTileTests.TileOf(lon + 0.005, lat + 0.005, zoom);
        var url = $"/ogc/collections/admin-areas/tiles/WebMercatorQuad/{zoom}/{y}/{x}";

        var khm = await Khm.AssertStatusAsync(url, HttpStatusCode.OK);
        var lao = await api.ClientAs([Roles.FieldOperator], ["LAO"], "REPORT-OPS").AssertStatusAsync(url, HttpStatusCode.OK);

        Assert.Empty(await lao.Content.ReadAsByteArrayAsync(Ct));
        var file = Path.Combine(Directory.CreateTempSubdirectory("ogc-admin-mvt-").FullName, "tile.mvt");
        await System.IO.File.WriteAllBytesAsync(file, await khm.Content.ReadAsByteArrayAsync(Ct), Ct);
        var info = await ExternalTool.RunAsync("/usr/bin/ogrinfo",
            ["-ro", "-so", "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={zoom}", $"MVT:{file}", "admin-areas"]);
        Assert.Contains("Feature Count: 2", info);
        Assert.Contains("parentCode: String", info);
        // QGIS labels a vector tile layer by its fields: provinces by name, with their code beside.
        var features = await ExternalTool.RunAsync("/usr/bin/ogrinfo",
            ["-ro", "-al", "-oo", $"X={x}", "-oo", $"Y={y}", "-oo", $"Z={zoom}", $"MVT:{file}", "admin-areas"]);
        Assert.Contains("name (String) = ", features);
        Assert.Contains("code (String) = ", features);
    }
}
