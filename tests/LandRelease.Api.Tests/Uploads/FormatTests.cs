using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Each file format lands the same two areas, attributes and coordinates intact.</summary>
public sealed class FormatTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow[] TwoAreas(string batch) =>
    [
        new($"{batch}-1", UploadFiles.Square(102.95, 13.55, 0.002)),
        new($"{batch}-2", UploadFiles.Square(102.97, 13.56, 0.003))
        {
            Classification = "SHA", Contamination = "OTHER_ERW", Status = "WORKED_ON",
            Evidence = "INDIRECT: shelling in 1985; INDIRECT: villagers avoid the field", DateOfInformation = "2023-12-31",
        },
    ];

    /// <summary>Both areas were created with the file's attributes and vertices (to 1 cm: the file is already WGS 84).</summary>
    private async Task AssertBothLandedAsync(JsonElement status, AreaRow[] rows, string format)
    {
        Assert.Equal("DONE", status.State());
        Assert.Equal(format, status.GetProperty("format").GetString());
        Assert.Contains("4326", status.GetProperty("crs").GetString(), StringComparison.Ordinal);
        Assert.Equal((2, 0), (status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(2, status.GetProperty("progress").GetProperty("total").GetInt32());
        var report = await _client.WholeReportAsync(status.Id());
        Assert.Equal([0, 1], report.Select(l => l.GetProperty("index").GetInt32()));
        for (var i = 0; i < rows.Length; i++)
        {
            var line = report[i];
            Assert.Equal(("ACCEPTED", "CREATED", rows[i].LocalId), (line.Outcome(), line.GetProperty("action").GetString(), line.GetProperty("localId").GetString()));
            var area = await _client.GetJsonAsync($"/api/hazard-areas/{line.RecordId()}");
            var p = area.Props();
            Assert.Equal(rows[i].LocalId, p.GetProperty("localId").GetString());
            Assert.Equal(rows[i].Name, p.GetProperty("name").GetString());
            Assert.Equal(rows[i].Classification, p.GetProperty("classification").GetString());
            Assert.Equal(rows[i].Contamination.Split(';'), p.GetProperty("contamination").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(rows[i].Status, p.GetProperty("status").GetString());
            Assert.Equal(rows[i].DateOfInformation, p.GetProperty("dateOfInformation").GetString());
            Assert.Equal(rows[i].Organisation, p.GetProperty("organisation").GetString());
            Assert.Equal(rows[i].Evidence.Split("; "), p.GetProperty("evidence").EnumerateArray()
                .Select(e => $"{e.GetProperty("kind").GetString()}: {e.GetProperty("description").GetString()}"));
            Assert.Equal(1, p.GetProperty("version").GetInt32());
            Geo.AssertVerticesNear(area, rows[i].Geometry.Coordinates.Select(c => (c.X, c.Y)), 0.01);
        }
    }

    [Fact]
    public async Task AGeoJsonFeatureCollectionSentAsTheRawBodyLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-GJ");
        var rows = TwoAreas(batch);

        var response = await _client.UploadRawAsync(GeoJsonFile.Of(rows), KhmCmac);

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "geojson");
        Assert.Equal(2L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task AGeoJsonFileSentAsAMultipartFormLandsAndKeepsItsName()
    {
        var batch = UploadDatabase.NewBatch("FMT-GJF");
        var rows = TwoAreas(batch);

        var response = await _client.UploadFormAsync(GeoJsonFile.Of(rows), "field-week-12.geojson", KhmCmacFields());

        var status = await _client.AcceptedAndFinishedAsync(response);
        await AssertBothLandedAsync(status, rows, "geojson");
        Assert.Equal("field-week-12.geojson", status.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task AZippedShapefileWithAPrjLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-SHP");
        var rows = TwoAreas(batch);
        var zip = UploadFiles.ShapefileZip(rows, Prj.Wgs84);

        var response = await _client.UploadFormAsync(zip, "hazards.zip", KhmCmacFields(), contentType: "application/zip");

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "shapefile");
    }

    [Fact]
    public async Task AGeoPackageLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-GPKG");
        var rows = TwoAreas(batch);

        var response = await _client.UploadRawAsync(GeoPackageFile.Write(rows), KhmCmac, "application/geopackage+sqlite3");

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "geopackage");
    }

    [Fact]
    public async Task AKmlFileLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-KML");
        var rows = TwoAreas(batch);

        var response = await _client.UploadRawAsync(UploadFiles.Kml(rows), KhmCmac, "application/vnd.google-earth.kml+xml");

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "kml");
    }

    [Fact]
    public async Task AKmzFileLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-KMZ");
        var rows = TwoAreas(batch);

        var response = await _client.UploadFormAsync(UploadFiles.Kmz(rows), "hazards.kmz", KhmCmacFields(),
            contentType: "application/vnd.google-earth.kmz");

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "kml");
    }

    [Fact]
    public async Task ACsvWithAWktColumnLands()
    {
        var batch = UploadDatabase.NewBatch("FMT-WKT");
        var rows = TwoAreas(batch);

        var response = await _client.UploadRawAsync(UploadFiles.WktCsv(rows), KhmCmac + "&crs=EPSG:4326", "text/csv");

        await AssertBothLandedAsync(await _client.AcceptedAndFinishedAsync(response), rows, "csv");
    }

    [Fact]
    public async Task ACsvOfLongitudeLatitudePointsIsReadButEachPointIsRejectedAsNotAnArea()
    {
        var batch = UploadDatabase.NewBatch("FMT-PT");
        var rows = TwoAreas(batch);

        var response = await _client.UploadRawAsync(UploadFiles.PointCsv(rows), KhmCmac + "&crs=EPSG:4326", "text/csv");

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 0, 2), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.All(status.Lines(), line =>
        {
            Assert.Equal(("REJECTED", "geometry-type"), (line.Outcome(), line.Rule()));
            Assert.Equal(JsonValueKind.Null, line.GetProperty("id").ValueKind);
        });
        Assert.Equal(0L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task AnUploadOfNoFeaturesAtAllIsRefused()
    {
        var response = await _client.UploadRawAsync("""{"type":"FeatureCollection","features":[]}"""u8.ToArray(), KhmCmac);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("no-features", problem.Code());
        var status = await _client.UploadStatusAsync(problem.GetProperty("uploadId").GetGuid());
        Assert.Equal("FAILED", status.State());
    }
}
