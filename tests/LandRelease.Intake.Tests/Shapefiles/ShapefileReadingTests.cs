using System.Text;
using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Shapefiles;

public sealed class ShapefileReadingTests
{
    [Fact]
    public async Task ReadsShapesAttributesAndThePrjTextFromAZip()
    {
        var parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), ShapefileFixture.IndianUtm48Prj);

        var result = await Uploads.ReadAsync(ShapefileFixture.Zip(parts), "hazards.zip");

        Assert.Equal(UploadFormats.Shapefile, result.Format);
        Assert.Equal(ShapefileFixture.IndianUtm48Prj, result.DeclaredCrs);
        Assert.Equal("hazards", result.Layer);
        Assert.Equal(2, result.Features.Count);
        var first = result.Features[0];
        Assert.Null(first.Problem);
        Assert.Equal("KHM-BTB-U101", first.Attributes["LOCAL_ID"]);
        Assert.Equal("Ta Krok ត្រពាំង", first.Attributes["NAME"]);
        Assert.Equal("CHA", first.Attributes["classif"]);
        Assert.Equal(9.0, double.Parse(first.Attributes["AREA_HA"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("2024-11-05", first.Attributes["DATE_INFO"]);
        var polygon = Assert.IsType<Polygon>(first.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(300 * 300 - 50 * 50, polygon.Area, 6);
        Assert.Equal(new Envelope(380000, 380300, 1450000, 1450300), polygon.EnvelopeInternal);
        var multi = Assert.IsType<MultiPolygon>(result.Features[1].Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal("2025-01-20", result.Features[1].Attributes["DATE_INFO"]);
    }

    [Fact]
    public async Task LeavesTheCrsUndeclaredWithoutAPrj()
    {
        var parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), projection: null);

        var result = await Uploads.ReadAsync(ShapefileFixture.Zip(parts, without: ".prj"), "no-prj.zip");

        Assert.Null(result.DeclaredCrs);
        Assert.Equal(2, result.Features.Count);
    }

    [Fact]
    public async Task DecodesTheDbfInTheCodePageItsCpgNames()
    {
        var parts = ShapefileFixture.Write(
            [ShapefileFixture.Feature(ShapefileFixture.Square(0, 0, 10), "KHM-PLN-U001", "Café à Pailin", 0.5, new DateTime(2023, 6, 1))],
            null,
            CodePagesEncodingProvider.Instance.GetEncoding(1252));
        parts[".cpg"] = Encoding.ASCII.GetBytes("1252");

        var feature = Assert.Single((await Uploads.ReadAsync(ShapefileFixture.Zip(parts), "latin.zip")).Features);

        Assert.Equal("Café à Pailin", feature.Attributes["NAME"]);
    }

    [Fact]
    public async Task ReadsTheFirstOfTwoShapefilesAndNamesTheOtherOrTheOneAskedFor()
    {
        var parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), null);
        var zip = Uploads.Zip([
            .. parts.Select(p => ("areas" + p.Key, p.Value)),
            .. parts.Select(p => ("copy/outcomes" + p.Key, p.Value)),
        ]);

        var first = await Uploads.ReadAsync(zip, "two.zip");
        var named = await Uploads.ReadAsync(zip, "two.zip", new IntakeOptions { Layer = "outcomes" });

        Assert.Equal("areas", first.Layer);
        Assert.Equal(["outcomes"], first.OtherLayers);
        Assert.Equal("outcomes", named.Layer);
        Assert.Equal(["areas"], named.OtherLayers);
    }

    [Fact]
    public async Task ReadsPointShapefiles()
    {
        var factory = new GeometryFactory();
        var parts = ShapefileFixture.Write(
            [ShapefileFixture.Feature(factory.CreatePoint(new Coordinate(102.9, 13.1)), "RP-1", "Reference point", 0, new DateTime(2024, 1, 1))], null);

        var feature = Assert.Single((await Uploads.ReadAsync(ShapefileFixture.Zip(parts), "points.zip")).Features);

        Assert.Equal(new Coordinate(102.9, 13.1), Assert.IsType<Point>(feature.Geometry).Coordinate);
    }
}
