using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.GeoPackages;

public sealed class GeoPackageReadingTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Square(double x, double y, double size) =>
        Factory.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    [Fact]
    public async Task ReadsTheFirstFeatureTableWithItsEpsgCrsAttributesAndGeometries()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("hazard_areas", 4326);
        gpkg.AddTable("outcomes", 4326);
        var holed = Factory.CreatePolygon(
            Factory.CreateLinearRing([new(102.6, 13.1), new(102.61, 13.1), new(102.61, 13.11), new(102.6, 13.11), new(102.6, 13.1)]),
            [Factory.CreateLinearRing([new(102.603, 13.103), new(102.606, 13.103), new(102.606, 13.106), new(102.603, 13.103)])]);
        gpkg.Insert("hazard_areas", holed, "KHM-BMC-U201", "Malai ridge", 3.25, 4, "2024-12-31");
        gpkg.Insert("hazard_areas", Factory.CreateMultiPolygon([Square(102.7, 13.2, 0.001), Square(102.71, 13.2, 0.001)]), "KHM-BMC-U202", "Nimitt", 1.5, 0, "2025-02-01");

        var result = await Uploads.ReadAsync(gpkg.Bytes(), "survey.gpkg");

        Assert.Equal(UploadFormats.GeoPackage, result.Format);
        Assert.Equal("EPSG:4326", result.DeclaredCrs);
        Assert.Equal("hazard_areas", result.Layer);
        Assert.Equal(["outcomes"], result.OtherLayers);
        Assert.Equal(2, result.Features.Count);
        var first = result.Features[0];
        Assert.Null(first.Problem);
        Assert.Equal(holed, first.Geometry);
        Assert.Equal("KHM-BMC-U201", first.Attributes["local_id"]);
        Assert.Equal("3.25", first.Attributes["area_ha"]);
        Assert.Equal("4", first.Attributes["devices"]);
        Assert.Equal("2024-12-31", first.Attributes["date_info"]);
        Assert.Equal("1", first.Attributes["fid"]);
        Assert.False(first.Attributes.ContainsKey("geom"));
        Assert.Equal(2, Assert.IsType<MultiPolygon>(result.Features[1].Geometry).NumGeometries);
    }

    [Fact]
    public async Task GivesTheDefinitionWhenTheCrsIsNotAnEpsgCode()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 990001);
        gpkg.Insert("areas", Square(380000, 1450000, 100), "KHM-PLN-U301", "Stueng Trang", 1, 0, "2025-01-01");

        var result = await Uploads.ReadAsync(gpkg.Bytes(), "cmaa.gpkg");

        Assert.Equal("PROJCS[\"Indian 1960 / UTM zone 48N\"]", result.DeclaredCrs);
    }

    [Fact]
    public async Task ReadsTheTableAskedForAndRefusesOneItDoesNotHave()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("hazard_areas", 0);
        gpkg.AddTable("outcomes", 4326);
        gpkg.Insert("outcomes", Square(102.5, 13.5, 0.001), "OUT-1", "cleared strip", 0.1, 2, "2025-03-03");

        var named = await Uploads.ReadAsync(gpkg.Bytes(), "two.gpkg", new IntakeOptions { Layer = "OUTCOMES" });
        var missing = await Uploads.FailsAsync(gpkg.Bytes(), "two.gpkg", new IntakeOptions { Layer = "roads" });

        Assert.Equal("OUT-1", Assert.Single(named.Features).Attributes["local_id"]);
        Assert.Equal(UploadFormatErrors.LayerNotFound, missing.Code);
        Assert.Contains("hazard_areas, outcomes", missing.Message);
    }

    [Fact]
    public async Task LeavesTheCrsUndeclaredForTheUndefinedSrs()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 0);

        Assert.Null((await Uploads.ReadAsync(gpkg.Bytes(), "undefined.gpkg")).DeclaredCrs);
    }

    [Fact]
    public async Task ReportsTextInANumericColumnAndANullGeometryAsFeatureProblems()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 4326);
        gpkg.Insert("areas", Square(102.5, 13.5, 0.001), "A", "typed", "three", 0, "2025-01-01");
        gpkg.Insert("areas", null, "B", "no shape", 1, 0, "2025-01-01");
        gpkg.Insert("areas", Square(102.5, 13.5, 0.001), "C", "fine", 1, 0, "2025-01-01");

        var features = (await Uploads.ReadAsync(gpkg.Bytes(), "typed.gpkg")).Features;

        Assert.Equal("Column area_ha is REAL but holds 'three'.", features[0].Problem);
        Assert.Equal("The feature has no geometry (null).", features[1].Problem);
        Assert.Null(features[2].Problem);
    }

    [Fact]
    public async Task RejectsAnSqliteDatabaseThatIsNotAGeoPackage()
    {
        using var sqlite = new GeoPackageFixture(withCatalog: false);
        sqlite.Execute("CREATE TABLE notes (text TEXT)");

        var error = await Uploads.FailsAsync(sqlite.Bytes(), "notes.sqlite");

        Assert.Equal(UploadFormatErrors.InvalidGeoPackage, error.Code);
        Assert.Contains("no such table: gpkg_contents", error.Message);
    }

    [Fact]
    public async Task ReadsAGeoPackageInsideAZip()
    {
        using var gpkg = new GeoPackageFixture();
        gpkg.AddTable("areas", 4326);
        gpkg.Insert("areas", Square(102.5, 13.5, 0.001), "Z-1", "zipped", 1, 0, "2025-01-01");

        var result = await Uploads.ReadAsync(Uploads.Zip(("export/areas.gpkg", gpkg.Bytes())), "export.zip");

        Assert.Equal(UploadFormats.GeoPackage, result.Format);
        Assert.Equal("Z-1", Assert.Single(result.Features).Attributes["local_id"]);
    }
}
