using System.Text;
using LandRelease.Intake.Tests.Support;

namespace LandRelease.Intake.Tests.Hostile;

/// <summary>
/// Small files built to hold memory, disk or a core: each is refused whole, quickly, naming the limit. The timeouts
/// are the failure a reader without the bound shows, not speed targets.
/// </summary>
public sealed class BoundedReadingTests
{
    private const string OneFeature =
        """{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"localId":"A"},"geometry":{"type":"Point","coordinates":[102.6,13.1]}}]}""";

    private static string Features(int count) =>
        """{"type":"FeatureCollection","features":[""" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            "{\"type\":\"Feature\",\"properties\":{\"localId\":\"A" + i + "\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[102.6,13.1]}}")) + "]}";

    [Fact]
    public async Task AZipEntryThatExpandsAThousandFoldIsRefusedFromItsHeaderBeforeItIsWritten()
    {
        // A shapefile whose .dbf is 8 MB of one byte: a 8 KB zip. The default limits would write it; this ratio check does not.
        var parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), ShapefileFixture.IndianUtm48Prj);
        parts[".dbf"] = [.. parts[".dbf"], .. new byte[8 * 1024 * 1024]];
        var zip = ShapefileFixture.Zip(parts);
        Assert.True(zip.Length < 64 * 1024);

        var error = await Uploads.FailsAsync(zip, "bomb.zip", new IntakeOptions { CompressionCheckFromBytes = 1024 * 1024 });

        Assert.Equal(UploadFormatErrors.TooLarge, error.Code);
        Assert.Contains("hazards.dbf", error.Message, StringComparison.Ordinal);
        Assert.Contains("100 times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamedZipEntryPastTheRatioIsRefused()
    {
        string padded = OneFeature.Replace("[{", "[" + new string(' ', 4 * 1024 * 1024) + "{", StringComparison.Ordinal);
        byte[] zip = Uploads.Zip(("areas.geojson", Uploads.Utf8(padded)));

        var error = await Uploads.FailsAsync(zip, "bomb.zip", new IntakeOptions { CompressionCheckFromBytes = 1024 * 1024 });

        Assert.Equal(UploadFormatErrors.TooLarge, error.Code);
        Assert.Contains("areas.geojson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithMoreFeaturesThanTheLimitIsRefusedWhole()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8(Features(6)), "many.geojson", new IntakeOptions { MaxFeatures = 5 });

        Assert.Equal(UploadFormatErrors.TooManyFeatures, error.Code);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOfExactlyTheLimitIsRead() =>
        Assert.Equal(5, (await Uploads.ReadAsync(Uploads.Utf8(Features(5)), "five.geojson", new IntakeOptions { MaxFeatures = 5 })).Features.Count);

    [Fact]
    public async Task AFiveMegabytePrjIsRefusedUnread()
    {
        var parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), null);
        parts[".prj"] = Encoding.ASCII.GetBytes("PROJCS[\"" + new string('a', 5 * 1024 * 1024) + "\"]");

        var error = await Uploads.FailsAsync(ShapefileFixture.Zip(parts), "prj.zip");

        Assert.Equal(UploadFormatErrors.CrsTooLong, error.Code);
        Assert.Contains("hazards.prj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvLineLongerThanTheLimitIsRefused()
    {
        var csv = "local_id,name,wkt\nA,\"" + new string('x', 3 * 1024 * 1024) + "\",POINT(102.6 13.1)\n";

        var error = await Uploads.FailsAsync(Uploads.Utf8(csv), "long.csv", new IntakeOptions { MaxCsvLineBytes = 1024 * 1024 });

        Assert.Equal(UploadFormatErrors.LineTooLong, error.Code);
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvOfOrdinaryLinesUnderTheLimitIsRead()
    {
        var csv = "local_id,name,wkt\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"A{i},n,POINT(102.6 13.1)\n"));

        var result = await Uploads.ReadAsync(Uploads.Utf8(csv), "ok.csv", new IntakeOptions { MaxCsvLineBytes = 64 });

        Assert.Equal(2000, result.Features.Count);
    }

    [Fact]
    public async Task AKmlPlacemarkLargerThanTheLimitIsRefusedAsItArrives()
    {
        var kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>"
                  + new string('x', 4 * 1024 * 1024) + "</name></Placemark></Document></kml>";

        var error = await Uploads.FailsAsync(Uploads.Utf8(kml), "big.kml", new IntakeOptions { MaxFeatureBytes = 1024 * 1024 });

        Assert.Equal(UploadFormatErrors.FeatureTooLarge, error.Code);
        Assert.Contains("Placemark 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKmlPlacemarkNestedAHundredThousandDeepIsRefused()
    {
        var kml = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark>"
                  + string.Concat(Enumerable.Repeat("<MultiGeometry>", 100_000)) + string.Concat(Enumerable.Repeat("</MultiGeometry>", 100_000))
                  + "</Placemark></kml>";

        var error = await Uploads.FailsAsync(Uploads.Utf8(kml), "deep.kml");

        Assert.Equal(UploadFormatErrors.NestedTooDeep, error.Code);
    }

    [Fact]
    public async Task AGeoPackageWhoseFeatureTableIsARecursiveViewIsRefused()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.Execute("""
            CREATE VIEW endless AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
              SELECT i AS fid, NULL AS geom, 'A' || i AS local_id FROM n;
            INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('endless', 'features', 'endless', 4326);
            INSERT INTO gpkg_geometry_columns VALUES ('endless', 'geom', 'GEOMETRY', 4326, 0, 0);
            """);

        var error = await Uploads.FailsAsync(gpkg.Bytes(), "view.gpkg", new IntakeOptions { MaxFeatures = 10_000_000 });

        Assert.Equal(UploadFormatErrors.GeoPackageView, error.Code);
        Assert.Contains("endless", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGeoPackageWhoseCatalogIsAViewThatNeverEndsIsRefused()
    {
        using var gpkg = new GeoPackageFixture(withCatalog: false);
        gpkg.Execute("""
            PRAGMA application_id = 1196444487;
            CREATE VIEW gpkg_contents AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
              SELECT 'x' AS table_name, 'tiles' AS data_type FROM n;
            """);

        var error = await Uploads.FailsAsync(gpkg.Bytes(), "catalog.gpkg");

        Assert.Equal(UploadFormatErrors.GeoPackageView, error.Code);
    }

    [Fact]
    public void AStatementThatRunsLongWithoutGivingARowIsStopped()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        var guard = LandRelease.Intake.GeoPackages.GeoPackageGuard.Watch(connection, 1024 * 1024, maxCallsWithoutRow: 200);
        using var command = connection.CreateCommand();
        command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n";
        guard.Progressed();

        var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteScalar());

        Assert.True(LandRelease.Intake.GeoPackages.GeoPackageGuard.IsStopped(error), error.Message);
    }

    [Fact]
    public async Task AGeoPackageCrsDefinitionLongerThanTheLimitIsRefused()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.Execute($"""
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Long', 990002, 'LOCAL', 2, 'PROJCS["{new string('a', 100_000)}"]', NULL);
            """);
        gpkg.AddTable("areas", 990002);

        var error = await Uploads.FailsAsync(gpkg.Bytes(), "longcrs.gpkg");

        Assert.Equal(UploadFormatErrors.CrsTooLong, error.Code);
    }

    [Fact]
    public async Task ACsvWktCellNestedAHundredThousandDeepIsThatFeaturesProblemNotAStackOverflow()
    {
        var nested = string.Concat(Enumerable.Repeat("GEOMETRYCOLLECTION(", 100_000)) + "POINT(102.6 13.1)" + new string(')', 100_000);
        var csv = "local_id,wkt\nA,\"" + nested + "\"\nB,POINT(102.6 13.1)\n";

        var result = await Uploads.ReadAsync(Uploads.Utf8(csv), "nested.csv");

        Assert.Equal(2, result.Features.Count);
        Assert.Contains("nests brackets more than 16 deep", result.Features[0].Problem, StringComparison.Ordinal);
        Assert.Null(result.Features[1].Problem);
    }

    [Fact]
    public async Task AGeoPackageGeometryOfCollectionsNestedAHundredThousandDeepIsThatFeaturesProblemNotAStackOverflow()
    {
        var blob = new List<byte> { (byte)'G', (byte)'P', 0, 1, 0xE6, 0x10, 0, 0 };
        for (var level = 0; level < 100_000; level++)
        {
            blob.AddRange([1, 7, 0, 0, 0, 1, 0, 0, 0]);
        }

        blob.AddRange([1, 1, 0, 0, 0, .. BitConverter.GetBytes(102.6), .. BitConverter.GetBytes(13.1)]);
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 4326);
        gpkg.Insert("areas", null, "A", "deep", 1.0, 0, "2024-01-01");
        gpkg.Execute($"UPDATE areas SET geom = X'{Convert.ToHexString([.. blob])}'");
        gpkg.Insert("areas", new NetTopologySuite.Geometries.Point(102.6, 13.1) { SRID = 4326 }, "B", "flat", 1.0, 0, "2024-01-01");

        var result = await Uploads.ReadAsync(gpkg.Bytes(), "deep.gpkg");

        Assert.Equal(2, result.Features.Count);
        Assert.Contains("nests collections more than 16 deep", result.Features[0].Problem, StringComparison.Ordinal);
        Assert.Null(result.Features[1].Problem);
    }
}
