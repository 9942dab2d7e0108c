using System.Text;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Files as GIS tools write them (GDAL's ogr2ogr, as QGIS and ArcGIS do): 10-character DBF field names, lists as
/// (count:item,item), coordinates rounded to 9 decimals. They land, and the register's own export sent back writes nothing.
/// </summary>
public sealed class GisExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Corners with many decimals, as a conversion from UTM leaves them; a GIS export rounds them.</summary>
    private static AreaRow[] TwoAreas(string batch) =>
    [
        new($"{batch}-1", UploadFiles.Square(102.95 + (1.0 / 3e3), 13.55 + (1.0 / 7e3), 0.002)) { Contamination = "AP_MINE;OTHER_ERW" },
        new($"{batch}-2", UploadFiles.Square(102.97 + (1.0 / 9e3), 13.56 + (1.0 / 11e3), 0.003)) { Contamination = "AV_MINE" },
    ];

    [Fact]
    public async Task AShapefileWrittenByGdalWithTenCharacterFieldNamesAndListsLands()
    {
        var batch = UploadDatabase.NewBatch("GIS-SHP");
        var zip = await GdalFiles.ShapefileZipAsync(GeoJsonFile.Of(TwoAreas(batch)));
        Assert.Superset(new HashSet<string> { "classifica", "contaminat", "dateOfInfo", "organisati" }, GdalFiles.DbfFieldNames(zip).ToHashSet());

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(zip, KhmCmac, "application/zip"));

        Assert.Equal(("DONE", 2, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.Equal(["AP_MINE", "OTHER_ERW"], area.Props().GetProperty("contamination").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(("CHA", "2024-05-01"), (area.Props().GetProperty("classification").GetString(),
            area.Props().GetProperty("dateOfInformation").GetString()));
    }

    [Fact]
    public async Task AGeoPackageWrittenByGdalWithListsAsTextLands()
    {
        var batch = UploadDatabase.NewBatch("GIS-GPKG");
        var gpkg = await GdalFiles.GeoPackageAsync(GeoJsonFile.Of(TwoAreas(batch)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(gpkg, KhmCmac, "application/geopackage+sqlite3"));

        Assert.Equal(("DONE", 2, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.Equal(["AP_MINE", "OTHER_ERW"], area.Props().GetProperty("contamination").EnumerateArray().Select(c => c.GetString()));
    }

    public static TheoryData<string> Exports => ["gpkg", "shp", "geojson-9"];

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task TheRegistersOwnAreasExportedByGdalAndSentBackWriteNothing(string format)
    {
        var batch = UploadDatabase.NewBatch("GIS-RT");
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of(TwoAreas(batch)), KhmCmac));
        var exported = await ExportAsync(first.Lines().Select(l => l.RecordId()));
        var before = await api.FootprintAsync(batch);

        var (file, type) = format switch
        {
            "gpkg" => (await GdalFiles.GeoPackageAsync(exported), "application/geopackage+sqlite3"),
            "shp" => (await GdalFiles.ShapefileZipAsync(exported), "application/zip"),
            _ => (await GdalFiles.GeoJsonNineDecimalsAsync(exported), "application/geo+json"),
        };
        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac, type));

        Assert.Equal(("DONE", 2, 0), (again.State(), again.Count("accepted"), again.Count("rejected")));
        Assert.Equal(["UNCHANGED", "UNCHANGED"], again.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(before, await api.FootprintAsync(batch));
    }

    /// <summary>The areas as the API gives them (GET /api/hazard-areas/{id}), gathered into one FeatureCollection.</summary>
    private async Task<byte[]> ExportAsync(IEnumerable<Guid> ids)
    {
        var features = new JsonArray();
        foreach (var id in ids)
        {
            var response = await _client.GetStringAsync(new Uri($"/api/hazard-areas/{id}", UriKind.Relative), Ct);
            features.Add(JsonNode.Parse(response));
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());
    }
}
