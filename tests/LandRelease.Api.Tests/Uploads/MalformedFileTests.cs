using System.Net;
using System.Text;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Files that cannot be read whole: a 422 naming why, the upload FAILED, nothing staged or stored; never a 500.</summary>
public sealed class MalformedFileTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow[] Rows(string batch, int count, double size = 0.002) =>
        [.. Enumerable.Range(0, count).Select(i => new AreaRow($"{batch}-{i}", UploadFiles.Square(102.9 + i % 50 * 0.004, 13.5 + i / 50 * 0.004, size)))];

    private async Task AssertRefusedAsync(HttpResponseMessage response, string code, string batch)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(code, problem.Code());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var uploadId = problem.GetProperty("uploadId").GetGuid();
        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("FAILED", 0), (status.State(), status.Count("accepted")));
        Assert.Empty(status.Lines());
        Assert.Equal(0L, await api.StagedRowsAsync(uploadId));
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task ATruncatedZipIsRefusedAsCorrupt()
    {
        var batch = UploadDatabase.NewBatch("BAD-ZIP");
        var zip = UploadFiles.ShapefileZip(Rows(batch, 5), Prj.Wgs84);

        var response = await _client.UploadFormAsync(zip[..(zip.Length / 2)], "cut.zip", KhmCmacFields());

        await AssertRefusedAsync(response, "corrupt-zip", batch);
    }

    [Theory]
    [InlineData(".shx")]
    [InlineData(".dbf")]
    public async Task AZippedShapefileWithoutAMandatoryPartIsRefusedNamingIt(string missing)
    {
        var batch = UploadDatabase.NewBatch("BAD-PART");
        var zip = UploadFiles.ShapefileZip(Rows(batch, 2), Prj.Wgs84, "fields", missing);

        var response = await _client.UploadFormAsync(zip, "fields.zip", KhmCmacFields());

        await AssertRefusedAsync(response, "incomplete-shapefile", batch);
        Assert.Contains("fields" + missing, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipWithNothingReadableInItIsRefused()
    {
        var zip = UploadFiles.Zip(("readme.txt", "Field notes"u8.ToArray()));

        await AssertRefusedAsync(await _client.UploadFormAsync(zip, "notes.zip", KhmCmacFields()), "zip-without-data", "BAD-EMPTYZIP");
    }

    [Fact]
    public async Task GeoJsonCutOffHalfWayIsRefusedAndNoneOfItsFirstFeaturesIsStored()
    {
        var batch = UploadDatabase.NewBatch("BAD-JSON");
        var file = GeoJsonFile.Of(Rows(batch, 60));

        var response = await _client.UploadRawAsync(file[..(file.Length / 2)], KhmCmac);

        await AssertRefusedAsync(response, "invalid-json", batch);
    }

    [Theory]
    [InlineData("""{"type":"GeometryCollection","geometries":[]}""")]
    [InlineData("""[{"type":"Feature"}]""")]
    [InlineData("""{"type":"FeatureCollection","features":{"type":"Feature"}}""")]
    public async Task JsonThatIsNotAFeatureCollectionIsRefused(string json)
    {
        var response = await _client.UploadRawAsync(Encoding.UTF8.GetBytes(json), KhmCmac);

        await AssertRefusedAsync(response, "not-a-feature-collection", "BAD-NOTFC");
    }

    [Fact]
    public async Task AZeroByteBodyIsRefusedAsEmpty() =>
        await AssertRefusedAsync(await _client.UploadRawAsync([], KhmCmac), "empty-file", "BAD-EMPTY");

    [Fact]
    public async Task AZeroByteFilePartIsRefusedAsEmpty() =>
        await AssertRefusedAsync(await _client.UploadFormAsync([], "empty.geojson", KhmCmacFields()), "empty-file", "BAD-EMPTYF");

    [Fact]
    public async Task ASpreadsheetIsRefusedAsAnUnknownFormat()
    {
        var xlsx = new byte[] { 0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00 };

        await AssertRefusedAsync(await _client.UploadFormAsync(xlsx, "areas.xlsx", KhmCmacFields()), "unknown-format", "BAD-XLSX");
    }

    [Fact]
    public async Task ATruncatedGeoPackageIsRefused()
    {
        var batch = UploadDatabase.NewBatch("BAD-GPKG");
        var gpkg = GeoPackageFile.Write(Rows(batch, 3));

        var response = await _client.UploadFormAsync(gpkg[..4096], "cut.gpkg", KhmCmacFields());

        await AssertRefusedAsync(response, "invalid-geopackage", batch);
    }

    [Fact]
    public async Task AGeoPackageLayerThatIsNotThereIsRefusedNamingTheLayersThatAre()
    {
        var batch = UploadDatabase.NewBatch("BAD-LAYER");
        var gpkg = GeoPackageFile.Write(Rows(batch, 2), table: "minefields_2024");

        var response = await _client.UploadFormAsync(gpkg, "areas.gpkg", KhmCmacFields(("layer", "minefields_2023")));

        await AssertRefusedAsync(response, "layer-not-found", batch);
        Assert.Contains("minefields_2024", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGeoPackageOfSeveralLayersIsRefusedUntilTheSenderNamesOne()
    {
        var batch = UploadDatabase.NewBatch("TWO-LAYERS");
        var south = batch + "S";
        var gpkg = GeoPackageFile.WriteLayers([("areas_north", Rows(batch, 2)), ("areas_south", Rows(south, 3))]);

        var refused = await _client.UploadFormAsync(gpkg, "areas.gpkg", KhmCmacFields());

        await AssertRefusedAsync(refused, "several-layers", batch);
        Assert.Contains("(areas_north, areas_south)", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var chosen = await _client.AcceptedAndFinishedAsync(await _client.UploadFormAsync(gpkg, "areas.gpkg", KhmCmacFields(("layer", "areas_south"))));
        Assert.Equal(("DONE", 3), (chosen.State(), chosen.Count("accepted")));
        Assert.Equal((0L, 3L), (await api.AreasAsync(batch + "-"), await api.AreasAsync(south + "-")));
    }

    [Fact]
    public async Task KmlCutOffHalfWayIsRefusedAndNoneOfItsFirstPlacemarksIsStored()
    {
        var batch = UploadDatabase.NewBatch("BAD-KML");
        var kml = UploadFiles.Kml(Rows(batch, 40));

        await AssertRefusedAsync(await _client.UploadRawAsync(kml[..(kml.Length / 2)], KhmCmac, "application/vnd.google-earth.kml+xml"),
            "invalid-kml", batch);
    }

    [Fact]
    public async Task ACsvWithoutAnyGeometryColumnIsRefusedListingItsColumns()
    {
        var csv = "local_id,name,classification\nX-1,Field,SHA\n"u8.ToArray();

        var response = await _client.UploadRawAsync(csv, KhmCmac + "&crs=EPSG:4326", "text/csv");

        await AssertRefusedAsync(response, "no-geometry-column", "X-1");
    }

    [Fact]
    public async Task GeoJsonCutOffHalfWayInAtomicModeLeavesNothingEither()
    {
        var batch = UploadDatabase.NewBatch("BAD-ATOM");
        var file = GeoJsonFile.Of(Rows(batch, 60));

        await AssertRefusedAsync(await _client.UploadRawAsync(file[..(file.Length * 2 / 3)], KhmCmac + "&atomic=true"), "invalid-json", batch);
    }
}
