using System.Globalization;
using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Each test seeds its own region of Cambodia and filters by its bbox, so it counts only its own areas.</summary>
public sealed class ListTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const double Cell = 0.001, Size = 0.0005;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Tiny squares on a 5-column grid starting at (lon, lat); the grid fits in Bbox(lon, lat).</summary>
    private async Task<List<string>> SeedAsync(double lon, double lat, int count, string status = "OPEN", int first = 0)
    {
        var ids = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var feature = Features.HazardArea(NewLocalId("LIST"), Features.Square(lon + i % 5 * Cell, lat + i / 5 * Cell, Size));
            feature.Properties()["status"] = status;
            ids.Add((await _client.CreateAreaAsync(feature)).Id.ToString());
        }

        return ids;
    }

    private static string Bbox(double lon, double lat) =>
        string.Join(',', new[] { lon - Size, lat - Size, lon + 5 * Cell, lat + 5 * Cell }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    private static string? Next(JsonElement page) => page.GetProperty("links").EnumerateArray()
        .Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).SingleOrDefault();

    [Fact]
    public async Task PagesThroughABboxFollowingNextLinks()
    {
        const double lon = 104.9, lat = 12.5;
        var created = await SeedAsync(lon, lat, 25);

        var pages = new List<string[]>();
        string? url = $"/api/hazard-areas?bbox={Bbox(lon, lat)}&limit=10";
        while (url is not null && pages.Count < 5)
        {
            var page = await _client.GetJsonAsync(url);
            var ids = Ids(page);
            Assert.Equal(ids.Length, page.GetProperty("numberReturned").GetInt32());
            Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
            pages.Add(ids);
            url = Next(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Length).ToArray());
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(created.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        // Keyset paging by id: PostgreSQL orders uuids as their canonical text does.
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task BboxExcludesAreasOutsideIt()
    {
        const double lon = 105.2, lat = 12.5;
        var inside = await SeedAsync(lon, lat, 3);
        var outside = await SeedAsync(lon + 0.01, lat, 1);

        var page = await _client.GetJsonAsync($"/api/hazard-areas?bbox={Bbox(lon, lat)}");

        Assert.Equal(inside.Order(StringComparer.Ordinal), Ids(page).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(outside[0], Ids(page));
        Assert.Null(Next(page));
    }

    [Fact]
    public async Task FiltersByStatus()
    {
        const double lon = 105.5, lat = 12.5;
        await SeedAsync(lon, lat, 2, "OPEN");
        var workedOn = await SeedAsync(lon, lat, 2, "WORKED_ON", first: 2);

        var page = await _client.GetJsonAsync($"/api/hazard-areas?bbox={Bbox(lon, lat)}&status=WORKED_ON");

        Assert.Equal(workedOn.Order(StringComparer.Ordinal), Ids(page).Order(StringComparer.Ordinal));
        Assert.All(page.GetProperty("features").EnumerateArray(), f => Assert.Equal("WORKED_ON", f.Props().GetProperty("status").GetString()));
    }

    [Fact]
    public async Task FiltersByCountry()
    {
        const double lon = 104.6, lat = 12.2;
        var khm = await SeedAsync(lon, lat, 2);

        var laoInBox = await _client.GetJsonAsync($"/api/hazard-areas?bbox={Bbox(lon, lat)}&country=LAO");
        var laoAnywhere = await _client.GetJsonAsync("/api/hazard-areas?country=LAO&limit=1000");
        var khmInBox = await _client.GetJsonAsync($"/api/hazard-areas?bbox={Bbox(lon, lat)}&country=khm");

        Assert.Empty(Ids(laoInBox));
        Assert.Empty(Ids(laoAnywhere).Intersect(khm));
        Assert.All(laoAnywhere.GetProperty("features").EnumerateArray(), f => Assert.Equal("LAO", f.Props().GetProperty("countryCode").GetString()));
        Assert.Equal(khm.Order(StringComparer.Ordinal), Ids(khmInBox).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=a,b,c,d")]
    [InlineData("bbox=105,12,104,13")]
    [InlineData("bbox=104,12,105,95")]
    public Task ABadBboxIsNamed(string query) => AssertQueryRejectedAsync(query, "bbox");

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=5000")]
    public Task ALimitOutOfRangeIsNamed(string query) => AssertQueryRejectedAsync(query, "limit");

    [Fact]
    public Task AGarbageCursorIsNamed() => AssertQueryRejectedAsync("cursor=garbage", "cursor");

    [Fact]
    public Task AnUnknownStatusIsNamed() => AssertQueryRejectedAsync("status=DANGEROUS", "status");

    private async Task AssertQueryRejectedAsync(string query, string field)
    {
        var fields = await (await _client.GetAsync($"/api/hazard-areas?{query}", Ct)).AssertValidationErrorsAsync();
        Assert.Equal([field], fields);
    }
}
