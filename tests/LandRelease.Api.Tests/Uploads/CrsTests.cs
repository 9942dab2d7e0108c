using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Coordinates in other systems land where they belong. Expected positions are copied from ../shared/vectors/crs.json
/// (PROJ 9.1.1 from explicit definitions, e.g. +proj=utm +zone=48 +a=6377276.345 +rf=300.8017 +towgs84=198,881,317).
/// </summary>
public sealed class CrsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    // crs.json, EPSG:3148 (Indian 1960 / UTM 48N): input easting/northing -> WGS 84 longitude/latitude. Its third
    // vector (102.6, 13.9) lies 15 km outside Cambodia's boundary, so it is not used for a KHM upload.
    private static readonly (double E, double N, double Lon, double Lat)[] Indian1960Utm48 =
    [
        (376969.231, 1476907.675, 103.860000006, 13.359999994),
        (491696.515, 1277577.946, 104.919999999, 11.560000006),
    ];

    // crs.json, ballparkTrap: what a silent zero datum shift makes of the first EPSG:3148 point.
    private static readonly (double Lon, double Lat) ZeroShiftTrap = (103.863723303, 13.35889946);

    // crs.json, EPSG:32648 (WGS 84 / UTM 48N).
    private static readonly (double E, double N, double Lon, double Lat) Wgs84Utm48 = (376550.135, 1477231.131, 103.860000003, 13.360000002);

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AShapefileInIndian1960Utm48WithAnEsriPrjLandsWithinAMetreOfItsKnownWgs84Position()
    {
        var batch = UploadDatabase.NewBatch("CRS-I60");
        var rows = Indian1960Utm48.Select((p, i) => new AreaRow($"{batch}-{i}", UploadFiles.Square(p.E, p.N, 100))).ToArray();

        var response = await _client.UploadFormAsync(UploadFiles.ShapefileZip(rows, Prj.Indian1960Utm48), "indian1960.zip", KhmCmacFields());

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.True(status.State() == "DONE" && status.Count("accepted") == 2, status.ToString());
        Assert.Contains("3148", status.GetProperty("crs").GetString(), StringComparison.Ordinal);
        for (var i = 0; i < rows.Length; i++)
        {
            var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(i).RecordId()}");
            var (_, _, lon, lat) = Indian1960Utm48[i];
            Assert.True(Geo.NearestVertexMetres(area, lon, lat) < 1.0,
                $"Corner {i} lies {Geo.NearestVertexMetres(area, lon, lat):0.00} m from its known WGS 84 position.");
            if (i == 0)
            {
                // The trap the issue measured: with a zero "ballpark" shift this corner would land about 420 m away.
                var corner = Geo.Vertices(area).MinBy(v => Geo.Metres(v.Lon, v.Lat, lon, lat));
                Assert.True(Geo.Metres(corner.Lon, corner.Lat, ZeroShiftTrap.Lon, ZeroShiftTrap.Lat) > 400);
            }
        }
    }

    [Fact]
    public async Task CrsEpsg32648ReadsAGeoJsonWhoseCoordinatesAreUtmMetres()
    {
        var batch = UploadDatabase.NewBatch("CRS-UTM");
        var row = new AreaRow($"{batch}-1", UploadFiles.Square(Wgs84Utm48.E, Wgs84Utm48.N, 150));

        var response = await _client.UploadRawAsync(GeoJsonFile.Of([row]), KhmCmac + "&crs=EPSG:32648");

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 1), (status.State(), status.Count("accepted")));
        Assert.Contains("32648", status.GetProperty("crs").GetString(), StringComparison.Ordinal);
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.True(Geo.NearestVertexMetres(area, Wgs84Utm48.Lon, Wgs84Utm48.Lat) < 1.0);
    }

    [Fact]
    public async Task AGeoPackageInUtm48NIsConvertedFromItsSrsId()
    {
        var batch = UploadDatabase.NewBatch("CRS-GPKG");
        var row = new AreaRow($"{batch}-1", UploadFiles.Square(Wgs84Utm48.E, Wgs84Utm48.N, 150));

        var response = await _client.UploadRawAsync(GeoPackageFile.Write([row], epsg: 32648), KhmCmac, "application/geopackage+sqlite3");

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 1), (status.State(), status.Count("accepted")));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.True(Geo.NearestVertexMetres(area, Wgs84Utm48.Lon, Wgs84Utm48.Lat) < 1.0);
    }

    [Fact]
    public async Task CrsThatNamesTheSameSystemAsTheEsriPrjIsNoConflict()
    {
        var batch = UploadDatabase.NewBatch("CRS-SAME");
        var (e, n, lon, lat) = Indian1960Utm48[0];
        var zip = UploadFiles.ShapefileZip([new AreaRow($"{batch}-1", UploadFiles.Square(e, n, 100))], Prj.Indian1960Utm48);

        var response = await _client.UploadFormAsync(zip, "indian1960.zip", KhmCmacFields(("crs", "EPSG:3148")));

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 1), (status.State(), status.Count("accepted")));
        Assert.True(Geo.NearestVertexMetres(await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}"), lon, lat) < 1.0);
    }

    private async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, string code, string batch)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(code, problem.Code());
        var uploadId = problem.GetProperty("uploadId").GetGuid();
        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal("FAILED", status.State());
        Assert.Equal(code, status.GetProperty("problem").GetProperty("code").GetString());
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
        Assert.Equal(0L, await api.StagedRowsAsync(uploadId));
        return problem;
    }

    [Fact]
    public async Task AShapefileWithoutAPrjAndNoCrsIsRefusedAsCrsMissingAndNothingIsStored()
    {
        var batch = UploadDatabase.NewBatch("CRS-NOPRJ");
        var zip = UploadFiles.ShapefileZip([new AreaRow($"{batch}-1", UploadFiles.Square(376969, 1476907, 100))], prj: null);

        var response = await _client.UploadFormAsync(zip, "noprj.zip", KhmCmacFields());

        await AssertRefusedAsync(response, "crs-missing", batch);
    }

    [Fact]
    public async Task ACsvWithoutACrsColumnAndNoCrsIsRefusedAsCrsMissing()
    {
        var batch = UploadDatabase.NewBatch("CRS-CSV");
        var csv = UploadFiles.WktCsv([new AreaRow($"{batch}-1", UploadFiles.Square(102.95, 13.55, 0.002))]);

        await AssertRefusedAsync(await _client.UploadRawAsync(csv, KhmCmac, "text/csv"), "crs-missing", batch);
    }

    [Fact]
    public async Task AnUnknownEpsgCodeIsRefusedNamingIt()
    {
        var batch = UploadDatabase.NewBatch("CRS-9999");
        var file = GeoJsonFile.Of([new AreaRow($"{batch}-1", UploadFiles.Square(102.95, 13.55, 0.002))]);

        var response = await _client.UploadRawAsync(file, KhmCmac + "&crs=EPSG:9999");

        var problem = await AssertRefusedAsync(response, "crs-unknown", batch);
        Assert.Contains("EPSG:9999", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APrjOnADatumWithNoKnownShiftIsRefusedNamingTheDatum()
    {
        var batch = UploadDatabase.NewBatch("CRS-DATUM");
        var zip = UploadFiles.ShapefileZip([new AreaRow($"{batch}-1", UploadFiles.Square(376969, 1476907, 100))], Prj.UnknownDatumUtm48);

        var response = await _client.UploadFormAsync(zip, "kampuchea.zip", KhmCmacFields());

        var problem = await AssertRefusedAsync(response, "datum-shift-missing", batch);
        Assert.Contains("Kampuchea_1923", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrsContradictingTheShapefilesPrjIsRefusedAsAConflict()
    {
        var batch = UploadDatabase.NewBatch("CRS-CONFL");
        var zip = UploadFiles.ShapefileZip([new AreaRow($"{batch}-1", UploadFiles.Square(376969, 1476907, 100))], Prj.Indian1960Utm48);

        var response = await _client.UploadFormAsync(zip, "indian1960.zip", KhmCmacFields(("crs", "EPSG:32648")));

        await AssertRefusedAsync(response, "crs-conflict", batch);
    }

    [Fact]
    public async Task AGeoJsonInUtmDegreesReadAsWgs84IsRejectedFeatureByFeatureNotConvertedSilently()
    {
        var batch = UploadDatabase.NewBatch("CRS-NOCRS");
        var file = GeoJsonFile.Of([new AreaRow($"{batch}-1", UploadFiles.Square(Wgs84Utm48.E, Wgs84Utm48.N, 150))]);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        // Named for what it most likely is (UTM metres), not only as out of range.
        Assert.Equal(("REJECTED", "looks-projected"), (status.Line(0).Outcome(), status.Line(0).Rule()));
        Assert.Equal(0L, await api.AreasAsync(batch));
    }
}
