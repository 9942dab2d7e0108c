using System.Text;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Every supported CRS through the upload path: a square whose south-west corner is a vector of
/// ../shared/vectors/crs.json (PROJ 9.1.1 from explicit +towgs84 definitions) lands within 1 m of the vector's
/// WGS 84 position, in the country the vector lies in.
/// </summary>
public sealed class CrsVectorTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Organisation = "ASEAN-OPS";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync(Organisation, "KHM", "THA", "LAO", "VNM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // crs, input x, input y, expected longitude, expected latitude, country: copied from crs.json "vectors".
    public static TheoryData<string, double, double, double, double, string> Vectors => new()
    {
        { "EPSG:4326", 103.86, 13.36, 103.86, 13.36, "KHM" },
        { "EPSG:32647", 662176.29, 1520582.494, 100.499999996, 13.749999997, "THA" },
        { "EPSG:32647", 500000.0, 2156152.853, 99.0, 19.499999999, "THA" },
        { "EPSG:32648", 376550.135, 1477231.131, 103.860000003, 13.360000002, "KHM" },
        { "EPSG:32648", 607462.09, 1669630.801, 105.999999998, 15.100000003, "LAO" },
        { "EPSG:32649", 200396.497, 1776491.271, 108.2, 16.049999998, "VNM" },
        { "EPSG:4131", 103.863723302, 13.358154868, 103.860000005, 13.359999998, "KHM" },
        { "EPSG:4131", 104.923834107, 11.557991808, 104.919999996, 11.560000001, "KHM" },
        { "EPSG:3148", 376969.231, 1476907.675, 103.860000006, 13.359999994, "KHM" },
        { "EPSG:4240", 100.504950861, 13.747875808, 100.499999992, 13.750000007, "THA" },
        { "EPSG:24047", 662690.925, 1520229.728, 100.499999988, 13.750000003, "THA" },
        { "EPSG:24047", 500517.005, 2155800.027, 99.000000012, 19.500000003, "THA" },
        { "EPSG:24048", 263919.487, 1648065.495, 102.799999982, 14.900000008, "THA" },
        { "EPSG:4678", 102.600140554, 17.9699415, 102.599999999, 17.97, "LAO" },
        { "EPSG:4756", 106.698213743, 10.781018491, 106.700000001, 10.779999999, "VNM" },
        { "EPSG:3405", 685680.438, 1192281.558, 106.699999999, 10.779999999, "VNM" },
        { "EPSG:3405", 777416.594, 1821714.907, 107.600000004, 16.460000003, "VNM" },
        { "EPSG:3406", 200203.019, 1776607.254, 108.200000006, 16.049999999, "VNM" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task ACornerGivenInTheCrsLandsWithinAMetreOfItsKnownWgs84Position(string crs, double x, double y, double lon, double lat,
        string country)
    {
        var batch = UploadDatabase.NewBatch("VEC");
        var size = x is > -180 and < 180 ? 0.001 : 100;
        var file = FeatureCollection(Features.HazardArea($"{batch}-1", Features.Square(x, y, size), country, Organisation));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file,
            $"country={country}&organisation={Organisation}&kind=hazard-areas&crs={crs}"));

        Assert.True(status.Line(0).Outcome() == "ACCEPTED", status.Line(0).ToString());
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        var metres = Geo.NearestVertexMetres(area, lon, lat);
        Assert.True(metres < 1.0, $"{crs} ({x}, {y}) landed {metres:0.00} m from ({lon}, {lat}).");
    }

    [Fact]
    public async Task AGeoJsonExportNamingItsCrsTheGdalWayIsConvertedWithoutCrsParameter()
    {
        var batch = UploadDatabase.NewBatch("VEC-GDAL");
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::32648" } },
            ["features"] = new JsonArray(Features.HazardArea($"{batch}-1", Features.Square(376550.135, 1477231.131, 100), "KHM", Organisation)),
        };

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(collection.ToJsonString()),
            $"country=KHM&organisation={Organisation}&kind=hazard-areas"));

        Assert.True(status.Line(0).Outcome() == "ACCEPTED", status.Line(0).ToString());
        Assert.Contains("32648", status.GetProperty("crs").GetString(), StringComparison.Ordinal);
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.True(Geo.NearestVertexMetres(area, 103.860000003, 13.360000002) < 1.0);
    }
}
