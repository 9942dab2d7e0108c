using System.Globalization;
using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>Helpers of the OGC API tests: seeding a patch of squares, reading pages and their links.</summary>
public static class OgcApi
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    public const string Epsg4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    public const string Utm48N = "http://www.opengis.net/def/crs/EPSG/0/32648";

    private static int _nextPatch;

    /// <summary>A fresh 0.05° patch of north-west Cambodia per call, so tests of one class count only their own areas.</summary>
    public static (double Lon, double Lat) NewPatch()
    {
        var n = Interlocked.Increment(ref _nextPatch);
        return (102.6 + n % 20 * 0.05, 12.8 + n / 20 * 0.05);
    }

    /// <summary>The bbox of a patch, as CRS84 query text.</summary>
    public static string Bbox((double Lon, double Lat) patch) =>
        string.Join(',', new[] { patch.Lon, patch.Lat, patch.Lon + 0.05, patch.Lat + 0.05 }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Registers <paramref name="count"/> small squares in the patch through the API; returns their ids.</summary>
    public static async Task<List<string>> SeedAsync(this HttpClient client, (double Lon, double Lat) patch, int count,
        Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var feature = Features.HazardArea(NewLocalId("OGC"), Features.Square(patch.Lon + 0.001 + i % 10 * 0.004, patch.Lat + 0.001 + i / 10 * 0.004, 0.002));
            change?.Invoke(feature);
            ids.Add((await client.CreateAreaAsync(feature)).Id.ToString());
        }

        return ids;
    }

    public static string[] Ids(this JsonElement page) =>
        [.. page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];

    public static string? Link(this JsonElement document, string rel) => document.GetProperty("links").EnumerateArray()
        .Where(l => l.GetProperty("rel").GetString() == rel).Select(l => l.GetProperty("href").GetString()).FirstOrDefault();

    /// <summary>Follows next links from <paramref name="url"/>; returns every page.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(this HttpClient client, string url, int maxPages = 50)
    {
        var pages = new List<JsonElement>();
        string? next = url;
        while (next is not null && pages.Count < maxPages)
        {
            var page = await client.GetJsonAsync(next);
            pages.Add(page);
            next = page.Link("next");
        }

        return pages;
    }

    public static async Task<string[]> BadParametersAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        return await response.AssertValidationErrorsAsync();
    }

    public static async Task<HttpResponseMessage> AssertStatusAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == status,
            $"GET {url}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return response;
    }
}
