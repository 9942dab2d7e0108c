using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>The landing page, conformance, API definition and collections, as GDAL and QGIS read them, and as a browser sees them.</summary>
public sealed class OgcDocumentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task LandingPageLinksTheDefinitionConformanceAndCollections()
    {
        var landing = await _client.GetJsonAsync("/ogc");

        Assert.EndsWith("/ogc/api", landing.Link("service-desc"));
        Assert.EndsWith("/ogc/conformance", landing.Link("conformance"));
        Assert.EndsWith("/ogc/collections", landing.Link("data"));
        var conformance = await _client.GetJsonAsync("/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30", classes);
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", classes);
    }

    [Fact]
    public async Task DefinitionIsOpenApi30AndStatesTheLimitMaximum()
    {
        var response = await _client.AssertStatusAsync("/ogc/api", HttpStatusCode.OK);
        Assert.Equal("application/vnd.oai.openapi+json", response.Content.Headers.ContentType?.MediaType);
        var definition = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.StartsWith("3.0", definition.GetProperty("openapi").GetString());
        var limit = definition.GetProperty("paths").GetProperty("/collections/{collectionId}/items").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit");
        Assert.Equal(1000, limit.GetProperty("schema").GetProperty("maximum").GetInt32());
    }

    [Fact]
    public async Task CollectionsDescribeTheirCrsListStorageCrsAndExtent()
    {
        var collections = await _client.GetJsonAsync("/ogc/collections");

        var ids = collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["hazard-areas", "released-land", "activities"], ids);
        var hazardAreas = await _client.GetJsonAsync("/ogc/collections/hazard-areas");
        Assert.Equal(OgcApi.Crs84, hazardAreas.GetProperty("storageCrs").GetString());
        var crs = hazardAreas.GetProperty("crs").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(8, crs.Count);
        Assert.Contains(OgcApi.Epsg4326, crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/32646", crs);
        Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/32651", crs);
        var bbox = hazardAreas.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // The ten countries' boundaries: from Myanmar's west (~92°E) to Indonesia's east (~141°E).
        Assert.InRange(bbox[0], 92, 93);
        Assert.InRange(bbox[2], 140, 142);
        Assert.EndsWith("/ogc/collections/hazard-areas/items", hazardAreas.Link("items"));
    }

    [Fact]
    public async Task BrowserGetsHtmlAndFJsonGetsJson()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var html = await _client.SendAsync(request, Ct);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var body = await html.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Hazardous areas", body);
        Assert.Contains("/ogc/collections/hazard-areas/items", body);

        var landing = await _client.GetAsync("/ogc?f=html", Ct);
        Assert.Equal("text/html", landing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GDAL_HTTP_HEADERS", await landing.Content.ReadAsStringAsync(Ct));
        var cambodian = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-khm");
        Assert.Contains("Your token reads the register of one country: KHM.", await cambodian.GetStringAsync(new Uri("/ogc?f=html", UriKind.Relative), Ct));

        request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections/hazard-areas?f=json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var json = await _client.SendAsync(request, Ct);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownParametersAndFormatsAreRefusedByName()
    {
        Assert.Equal(["lang"], await _client.BadParametersAsync("/ogc?lang=km"));
        Assert.Equal(["f"], await _client.BadParametersAsync("/ogc/collections?f=xml"));
        var missing = await _client.GetAsync("/ogc/collections/minefields", Ct);
        var problem = await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("hazard-areas", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RegionalViewerSeesNoCollectionAndIsRefusedTheirFeatures()
    {
        var viewer = api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC");

        var collections = await viewer.GetJsonAsync("/ogc/collections");

        Assert.Equal(0, collections.GetProperty("collections").GetArrayLength());
        foreach (var id in new[] { "hazard-areas", "released-land", "activities" })
        {
            await viewer.AssertStatusAsync($"/ogc/collections/{id}/items", HttpStatusCode.Forbidden);
            await viewer.AssertStatusAsync($"/ogc/collections/{id}", HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task WithoutATokenEverythingIsA401()
    {
        var anonymous = api.ClientAs([], [], null);
        foreach (var url in new[] { "/ogc", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/hazard-areas/items" })
        {
            await anonymous.AssertStatusAsync(url, HttpStatusCode.Unauthorized);
        }
    }
}
