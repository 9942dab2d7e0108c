using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>Items of the collections: paging, counts, filters, single items, and the caller's scope. Each test seeds its own patch.</summary>
public sealed class OgcItemsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("MAG", "KHM", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PagesFollowNextLinksToEveryAreaInTheBboxWithNumberMatched()
    {
        var patch = OgcApi.NewPatch();
        var created = await _client.SeedAsync(patch, 23);

        var pages = await _client.AllPagesAsync($"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}&limit=10");

        Assert.Equal([10, 10, 3], pages.Select(p => p.GetProperty("numberReturned").GetInt32()).ToArray());
        Assert.Equal(23, pages[0].GetProperty("numberMatched").GetInt64());
        var all = pages.SelectMany(p => p.Ids()).ToList();
        Assert.Equal(created.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.All(pages, p => Assert.EndsWith("/ogc/collections/hazard-areas", p.Link("collection")));
    }

    [Fact]
    public async Task ALimitAboveTheMaximumIsServedAtTheMaximum()
    {
        var patch = OgcApi.NewPatch();
        await _client.SeedAsync(patch, 1);
        var areaId = (await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}")).Ids()[0];
        // 1,001 copies of the area, written straight to the table: a read test needs rows, not 1,001 registrations.
        await api.ScalarAsync<int>("""
            WITH copies AS (
                INSERT INTO hazard_areas (id, country_code, local_id, name, classification, contamination, status, evidence,
                    date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm, version, recorded_at,
                    recorded_by, recorded_by_organisation, change_reason)
                SELECT gen_random_uuid(), country_code, local_id || '-' || n, name, classification, contamination, 'CLOSED', evidence,
                    date_of_information, organisation_code, geometry, remaining_geometry, released_area_sqm, version, recorded_at,
                    recorded_by, recorded_by_organisation, change_reason
                FROM hazard_areas, generate_series(1, 1001) n WHERE id = $1 RETURNING 1)
            SELECT count(*)::int FROM copies
            """, Guid.Parse(areaId));

        var page = await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}&status=CLOSED&limit=5000");

        Assert.Equal(1000, page.GetProperty("numberReturned").GetInt32());
        Assert.Equal(1001, page.GetProperty("numberMatched").GetInt64());
        var next = await _client.GetJsonAsync(page.Link("next")!);
        Assert.Equal(1, next.GetProperty("numberReturned").GetInt32());
        Assert.Null(next.Link("next"));
    }

    [Fact]
    public async Task PropertyFiltersAndDatetimeSelectTheirAreas()
    {
        var patch = OgcApi.NewPatch();
        var cha2020 = await _client.SeedAsync(patch, 2, f => f.Properties()["dateOfInformation"] = "2020-06-01");
        var sha2023 = await _client.SeedAsync((patch.Lon, patch.Lat + 0.02), 3, f =>
        {
            f.Properties()["classification"] = "SHA";
            f.Properties()["evidence"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["kind"] = "INDIRECT", ["description"] = "Interview" });
            f.Properties()["dateOfInformation"] = "2023-02-01";
            f.Properties()["organisation"] = "MAG";
        });
        var items = $"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}";

        async Task<string[]> Ids(string query) => (await _client.GetJsonAsync(items + query)).Ids().Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(sha2023.Order(StringComparer.Ordinal), await Ids("&classification=SHA"));
        Assert.Equal(sha2023.Order(StringComparer.Ordinal), await Ids("&organisation=mag"));
        Assert.Equal(cha2020.Order(StringComparer.Ordinal), await Ids("&classification=CHA&country=KHM&status=OPEN"));
        Assert.Equal(cha2020.Order(StringComparer.Ordinal), await Ids("&datetime=2020-06-01"));
        Assert.Equal(cha2020.Order(StringComparer.Ordinal), await Ids("&datetime=../2021-01-01"));
        Assert.Equal(sha2023.Order(StringComparer.Ordinal), await Ids("&datetime=2021-01-01T00:00:00Z/.."));
        Assert.Empty(await Ids("&status=CLOSED"));
    }

    [Fact]
    public async Task UnknownAndMalformedParametersAreA400NamingEach()
    {
        Assert.Equal(["stauts"], await _client.BadParametersAsync("/ogc/collections/hazard-areas/items?stauts=OPEN"));
        Assert.Equal(["kind"], await _client.BadParametersAsync("/ogc/collections/hazard-areas/items?kind=CLEARED"));
        Assert.Equal(["classification"], await _client.BadParametersAsync("/ogc/collections/hazard-areas/items?classification=XYZ"));
        Assert.Equal(["bbox", "datetime", "limit"], (await _client.BadParametersAsync(
            "/ogc/collections/hazard-areas/items?bbox=1,2,3&datetime=yesterday&limit=0")).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["crs"], await _client.BadParametersAsync("/ogc/collections/hazard-areas/items?crs=http://www.opengis.net/def/crs/EPSG/0/3857"));
        Assert.Equal(["status"], await _client.BadParametersAsync("/ogc/collections/released-land/items?status=DRAFT"));
        Assert.Equal(["cursor"], await _client.BadParametersAsync("/ogc/collections/activities/items?cursor=page-2"));
        Assert.Equal(["limit"], await _client.BadParametersAsync("/ogc/collections/activities/items?limit=10&limit=20"));
    }

    [Fact]
    public async Task ASingleItemCarriesItsLinksAndAnUnknownIdIsA404()
    {
        var patch = OgcApi.NewPatch();
        var id = (await _client.SeedAsync(patch, 1))[0];

        var feature = await _client.GetJsonAsync($"/ogc/collections/hazard-areas/items/{id}");

        Assert.Equal(id, feature.GetProperty("id").GetString());
        Assert.Equal("KHM", feature.Props().GetProperty("countryCode").GetString());
        Assert.EndsWith($"/ogc/collections/hazard-areas/items/{id}", feature.Link("self"));
        Assert.EndsWith("/ogc/collections/hazard-areas", feature.Link("collection"));
        await _client.AssertStatusAsync($"/ogc/collections/hazard-areas/items/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await _client.AssertStatusAsync("/ogc/collections/hazard-areas/items/not-an-id", HttpStatusCode.NotFound);
        // The id of a hazardous area is not a feature of the other collections.
        await _client.AssertStatusAsync($"/ogc/collections/released-land/items/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ReleasedLandHoldsCountedDecisionsOnlyNotDraftsOrSubmissions()
    {
        var (lon, lat) = OgcApi.NewPatch();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.01, lat + 0.01));
        var approved = await _client.ApprovedAsync(ReleaseApi.Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.003, lat + 0.003).Polygon()));
        var (draft, _) = await _client.DraftAsync(ReleaseApi.Decision(areaId, "CANCELLED", new Box(lon + 0.005, lat, lon + 0.008, lat + 0.003).Polygon()));
        var (submitted, _) = await _client.DraftAsync(ReleaseApi.Decision(areaId, "REDUCED", new Box(lon, lat + 0.005, lon + 0.003, lat + 0.008).Polygon()));
        await _client.MovedAsync(submitted, "submit");

        var page = await _client.GetJsonAsync($"/ogc/collections/released-land/items?bbox={OgcApi.Bbox((lon, lat))}");

        Assert.Equal([approved.ToString()], page.Ids());
        Assert.Equal("CLEARED", page.GetProperty("features")[0].Props().GetProperty("kind").GetString());
        await _client.AssertStatusAsync($"/ogc/collections/released-land/items/{approved}", HttpStatusCode.OK);
        await _client.AssertStatusAsync($"/ogc/collections/released-land/items/{draft}", HttpStatusCode.NotFound);
        Assert.Empty((await _client.GetJsonAsync($"/ogc/collections/released-land/items?bbox={OgcApi.Bbox((lon, lat))}&kind=CANCELLED")).Ids());
    }

    [Fact]
    public async Task AnOperatorOfAnotherCountrySeesNoneOfTheseAreas()
    {
        var patch = OgcApi.NewPatch();
        var id = (await _client.SeedAsync(patch, 2))[0];
        var lao = api.ClientAs([Roles.FieldOperator], ["LAO"], "MAG");

        var page = await lao.GetJsonAsync($"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}");

        Assert.Equal(0, page.GetProperty("numberReturned").GetInt32());
        Assert.Equal(0, page.GetProperty("numberMatched").GetInt64());
        await lao.AssertStatusAsync($"/ogc/collections/hazard-areas/items/{id}", HttpStatusCode.Forbidden);
        await lao.AssertStatusAsync("/ogc/collections/hazard-areas/items?country=KHM", HttpStatusCode.Forbidden);
        var khmOperator = api.ClientAs([Roles.FieldOperator], ["KHM"], "MAG");
        Assert.Equal(2, (await khmOperator.GetJsonAsync($"/ogc/collections/hazard-areas/items?bbox={OgcApi.Bbox(patch)}"))
            .GetProperty("numberMatched").GetInt64());
    }
}
