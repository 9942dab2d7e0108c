using System.Net;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Reference;

public sealed class HealthAndCountryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task HealthIsHealthyWhenPostgisAnswers()
    {
        var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ListsTheTenAseanCountries()
    {
        var countries = await _client.GetAsync("/api/countries", TestContext.Current.CancellationToken);
        var codes = (await countries.AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Select(c => c.GetProperty("code").GetString()).ToArray();
        Assert.Equal(["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"], codes);
    }

    [Fact]
    public async Task ReturnsACountryWithItsBoundaryAsGeoJson()
    {
        var response = await _client.GetAsync("/api/countries/khm", TestContext.Current.CancellationToken);
        var feature = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("Cambodia", feature.GetProperty("properties").GetProperty("name").GetString());
        var bbox = feature.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        // Cambodia spans roughly 102.3-107.7 E, 10.4-14.7 N.
        Assert.InRange(bbox[0], 102.2, 102.5);
        Assert.InRange(bbox[3], 14.5, 14.8);
    }

    [Fact]
    public async Task ServesTheTenOutlinesSimplifiedForAMapInOneSmallCollection()
    {
        var response = await _client.GetAsync("/api/countries/outlines", TestContext.Current.CancellationToken);
        var collection = await response.AssertJsonAsync(HttpStatusCode.OK);
        var text = collection.GetRawText();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"],
            features.Select(f => f.GetProperty("properties").GetProperty("code").GetString()).ToArray());
        Assert.All(features, f => Assert.EndsWith("Polygon", f.GetProperty("geometry").GetProperty("type").GetString(), StringComparison.Ordinal));
        // A quarter of the 1 MB source at most, and still the whole of Singapore (a small state must not vanish).
        Assert.InRange(text.Length, 50_000, 400_000);
        Assert.Contains(features, f => f.GetProperty("id").GetString() == "SGP" && f.GetProperty("geometry").GetRawText().Length > 50);
    }

    [Fact]
    public async Task AnUnknownCountryIsANotFoundProblem()
    {
        var response = await _client.GetAsync("/api/countries/XYZ", TestContext.Current.CancellationToken);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("XYZ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishesAnOpenApiDocumentWithEveryRoute()
    {
        var response = await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = await response.AssertJsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("/api/hazard-areas", paths);
        Assert.Contains("/api/hazard-areas/{id}", paths);
        Assert.Contains("/api/hazard-areas/{id}/history", paths);
        Assert.Contains("/api/organisations", paths);
        Assert.Contains("/api/countries/{code}", paths);
    }
}
