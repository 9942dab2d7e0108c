using System.Net;
using System.Text;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Small files built to pin a core, fill the disk or load without end, with the default limits: each is a 422 naming
/// what is wrong, quickly, the upload FAILED and nothing stored.
/// </summary>
public sealed class HostileUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow[] Rows(string batch, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AreaRow($"{batch}-{i}", UploadFiles.Square(102.9 + i * 0.004, 13.5, 0.002)))];

    private async Task AssertRefusedAsync(HttpResponseMessage response, string code, string batch)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(code, problem.Code());
        var status = await _client.UploadStatusAsync(problem.GetProperty("uploadId").GetGuid());
        Assert.Equal(("FAILED", 0), (status.State(), status.Count("accepted")));
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    /// <summary>Replaces one part of a zipped shapefile of the rows.</summary>
    private static byte[] ShapefileWith(AreaRow[] rows, string extension, byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(UploadFiles.ShapefileZip(rows, Prj.Wgs84)));
        var parts = zip.Entries.Where(e => !e.Name.EndsWith(extension, StringComparison.Ordinal))
            .Select(e => (e.Name, new BinaryReader(e.Open()).ReadBytes((int)e.Length))).ToList();
        return UploadFiles.Zip([.. parts, ("hazards" + extension, bytes)]);
    }

    [Fact]
    public async Task APrjOfOneFiveMegabyteNameIsRefusedAtOnce()
    {
        var batch = UploadDatabase.NewBatch("HOST-PRJ");
        var prj = Encoding.ASCII.GetBytes("PROJCS[\"" + new string('a', 5 * 1024 * 1024) + "\"]");
        var zip = ShapefileWith(Rows(batch, 2), ".prj", prj);
        Assert.True(zip.Length < 16 * 1024, "a few KB on the wire");

        await AssertRefusedAsync(await _client.UploadFormAsync(zip, "prj.zip", KhmCmacFields()), "crs-too-long", batch);
    }

    [Fact]
    public async Task APrjOfOneFortyKilobyteNameIsRefusedAsInvalidWithoutProjNetReadingIt()
    {
        var batch = UploadDatabase.NewBatch("HOST-PRJ40");
        var prj = Encoding.ASCII.GetBytes("PROJCS[\"" + new string('a', 40 * 1024) + "\"]");

        await AssertRefusedAsync(await _client.UploadFormAsync(ShapefileWith(Rows(batch, 2), ".prj", prj), "prj.zip", KhmCmacFields()),
            "crs-invalid", batch);
    }

    [Fact]
    public async Task ACrsParameterOfHostileWktIsRefusedAsInvalid()
    {
        var batch = UploadDatabase.NewBatch("HOST-CRSP");
        var wkt = "GEOGCS[" + string.Concat(Enumerable.Repeat("DATUM[", 500)) + new string(']', 501);

        var response = await _client.UploadFormAsync(GeoJsonFile.Of(Rows(batch, 1)), "a.geojson", KhmCmacFields(("crs", wkt)));

        await AssertRefusedAsync(response, "crs-invalid", batch);
    }

    [Fact]
    public async Task AZipWhoseDbfExpandsAThousandFoldIsRefusedBeforeItIsWritten()
    {
        var batch = UploadDatabase.NewBatch("HOST-BOMB");
        var rows = Rows(batch, 2);
        using var original = new System.IO.Compression.ZipArchive(new MemoryStream(UploadFiles.ShapefileZip(rows, Prj.Wgs84)));
        var dbf = original.Entries.Single(e => e.Name.EndsWith(".dbf", StringComparison.Ordinal));
        var padded = new byte[100 * 1024 * 1024];
        new BinaryReader(dbf.Open()).ReadBytes((int)dbf.Length).CopyTo(padded, 0);
        var zip = ShapefileWith(rows, ".dbf", padded);
        Assert.True(zip.Length < 200 * 1024, "a 100 MB .dbf of zeros zips to about 100 KB");

        var response = await _client.UploadFormAsync(zip, "bomb.zip", KhmCmacFields());

        await AssertRefusedAsync(response, "too-large", batch);
    }

    [Fact]
    public async Task AGeoPackageWhoseFeatureTableIsARecursiveViewIsRefused()
    {
        var batch = UploadDatabase.NewBatch("HOST-VIEW");
        var path = Path.Combine(Path.GetTempPath(), $"landrelease-upload-test-{Guid.NewGuid():N}.gpkg");
        try
        {
            File.WriteAllBytes(path, GeoPackageFile.Write(Rows(batch, 1), table: "seed"));
            using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                // 20,000 areas from one row, as the reviewer's 36 KB file did; without the limit of 20,000 it never ends.
                command.CommandText = $"""
                    CREATE VIEW hazard_areas AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                      SELECT i AS fid, s.geom AS geom, '{batch}-x' || i AS local_id FROM n, seed s LIMIT 20000;
                    UPDATE gpkg_contents SET table_name = 'hazard_areas', identifier = 'hazard_areas';
                    UPDATE gpkg_geometry_columns SET table_name = 'hazard_areas';
                    """;
                command.ExecuteNonQuery();
            }

            var response = await _client.UploadFormAsync(await File.ReadAllBytesAsync(path, Ct), "view.gpkg", KhmCmacFields());

            await AssertRefusedAsync(response, "geopackage-view", batch);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AKmlPlacemarkNestedAHundredThousandDeepIsRefused()
    {
        var batch = UploadDatabase.NewBatch("HOST-KML");
        var kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark>"
                  + string.Concat(Enumerable.Repeat("<MultiGeometry>", 100_000)) + string.Concat(Enumerable.Repeat("</MultiGeometry>", 100_000))
                  + "</Placemark></kml>";

        var response = await _client.UploadFormAsync(Encoding.UTF8.GetBytes(kml), "deep.kml", KhmCmacFields());

        await AssertRefusedAsync(response, "nested-too-deep", batch);
    }
}
