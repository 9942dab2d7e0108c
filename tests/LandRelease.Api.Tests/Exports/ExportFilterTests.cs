using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>
/// bbox, bbox-crs and datetime narrow an export exactly as they narrow the OGC items: the file holds numberMatched
/// features for the same filter; a bad value is a ProblemDetails naming the parameter.
/// </summary>
public sealed class ExportFilterTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const int Areas = 6;
    private static readonly (double Lon, double Lat) Patch = (103.9, 13.9);
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        if (await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas") > 0)
        {
            return;
        }

        // Six areas west to east, 0.01° apart, each a year later than the one before (2019 to 2024).
        for (var i = 0; i < Areas; i++)
        {
            var square = Features.Square(Patch.Lon + (i * 0.01), Patch.Lat, 0.002);
            await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("FLT"), square, dateOfInformation: $"{2019 + i}-06-15"));
        }

        var area = await _client.NewTestAreaAsync();
        await _client.CreateActivityAsync(area.Id, Activity(area, "NTS", area.Box.Polygon(), startDate: "2023-01-10", endDate: "2023-02-10"));
        await _client.CreateActivityAsync(area.Id, Activity(area, "NTS", area.Box.Polygon(), startDate: "2024-03-01", endDate: null, status: "PLANNED"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string, string> Filters => new()
    {
        { "hazard-areas", FormattableString.Invariant($"bbox={Patch.Lon - 0.001},{Patch.Lat - 0.001},{Patch.Lon + 0.025},{Patch.Lat + 0.01}") },
        { "hazard-areas", FormattableString.Invariant($"bbox={Patch.Lat - 0.001},{Patch.Lon + 0.025},{Patch.Lat + 0.01},{Patch.Lon + 0.1}&bbox-crs={OgcApi.Epsg4326}") },
        { "hazard-areas", "datetime=2021-01-01/2022-12-31" },
        { "hazard-areas", "datetime=../2020-06-15" },
        { "hazard-areas", FormattableString.Invariant($"datetime=2020-01-01T00:00:00Z/..&bbox={Patch.Lon - 0.001},{Patch.Lat - 0.001},{Patch.Lon + 0.035},{Patch.Lat + 0.01}") },
        { "activities", "datetime=2024-01-01/.." },
        { "activities", "datetime=2023-02-01" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task TheExportHoldsAsManyFeaturesAsTheItemsMatch(string collection, string filter)
    {
        var all = (await _client.GetJsonAsync($"/ogc/collections/{collection}/items")).GetProperty("numberMatched").GetInt64();
        var matched = (await _client.GetJsonAsync($"/ogc/collections/{collection}/items?{filter}")).GetProperty("numberMatched").GetInt64();

        var csv = System.Text.Encoding.UTF8.GetString(await _client.DownloadAsync($"/api/exports/{collection}?format=csv&{filter}"));

        Assert.InRange(matched, 1, all - 1);
        Assert.Equal(matched, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task AUtmBboxNarrowsTheGeoPackageAsTheItems()
    {
        // Zone 48N's metres around the patch's first three areas.
        var bbox = "bbox=381000,1536800,383900,1538100&bbox-crs=" + OgcApi.Utm48N;
        var matched = (await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items?{bbox}")).GetProperty("numberMatched").GetInt64();

        var info = await ExportFiles.OgrinfoAsync(await _client.DownloadAsync($"/api/exports/hazard-areas?format=gpkg&{bbox}"), "gpkg");

        Assert.InRange(matched, 1, Areas - 1);
        Assert.Equal([(int)matched], ExportFiles.FeatureCounts(info));
    }

    [Theory]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=104,14,103,13", "bbox")]
    [InlineData("bbox=0,0,1,1&bbox-crs=EPSG:9999", "bbox-crs")]
    [InlineData("bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326", "bbox-crs")]
    [InlineData("datetime=yesterday", "datetime")]
    [InlineData("datetime=2024-05-01/2023-01-01", "datetime")]
    [InlineData("limit=10", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task ABadPlaceOrTimeIsNamed(string query, string parameter)
    {
        Assert.Equal([parameter], await _client.BadParametersAsync($"/api/exports/hazard-areas?format=csv&{query}"));
    }
}
