using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Shapefiles;

public sealed class ShapefileMalformedTests
{
    private static readonly Dictionary<string, byte[]> Parts = ShapefileFixture.Write(ShapefileFixture.HazardAreas(), ShapefileFixture.IndianUtm48Prj);

    [Theory]
    [InlineData(".shx", "hazards.shx")]
    [InlineData(".dbf", "hazards.dbf")]
    [InlineData(".shp", "hazards.shp")]
    public async Task RejectsAZipMissingAPartTheShapefileNeeds(string missing, string named)
    {
        var error = await Uploads.FailsAsync(ShapefileFixture.Zip(Parts, without: missing), "hazards.zip");

        Assert.Equal(UploadFormatErrors.IncompleteShapefile, error.Code);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task RejectsATruncatedZip()
    {
        byte[] zip = ShapefileFixture.Zip(Parts);

        var error = await Uploads.FailsAsync(zip[..(zip.Length * 2 / 3)], "cut.zip");

        Assert.Equal(UploadFormatErrors.CorruptZip, error.Code);
    }

    [Fact]
    public async Task RejectsAShpCutShortInsideAWholeZip()
    {
        var parts = new Dictionary<string, byte[]>(Parts) { [".shp"] = Parts[".shp"][..^40] };

        var error = await Uploads.FailsAsync(ShapefileFixture.Zip(parts), "cut-shp.zip");

        Assert.Equal(UploadFormatErrors.CorruptShapefile, error.Code);
        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public async Task RejectsADbfWhoseRecordsDoNotMatchTheShapes()
    {
        var one = ShapefileFixture.Write([ShapefileFixture.HazardAreas()[0]], null);
        var parts = new Dictionary<string, byte[]>(Parts) { [".dbf"] = one[".dbf"] };

        var error = await Uploads.FailsAsync(ShapefileFixture.Zip(parts), "mismatch.zip");

        Assert.Equal(UploadFormatErrors.CorruptShapefile, error.Code);
        Assert.Contains("2 shapes but the .dbf has 1 record", error.Message);
    }

    [Fact]
    public async Task ReportsTextInANumericFieldAsThatFeaturesProblemAndReadsOn()
    {
        var parts = new Dictionary<string, byte[]>(Parts) { [".dbf"] = DbfPatch.SetCell(Parts[".dbf"], 0, "AREA_HA", "nine") };

        var result = await Uploads.ReadAsync(ShapefileFixture.Zip(parts), "typed.zip");

        Assert.Equal("Field AREA_HA is numeric but holds 'nine'.", result.Features[0].Problem);
        Assert.Null(result.Features[0].Geometry);
        Assert.Null(result.Features[1].Problem);
    }

    [Fact]
    public async Task ReportsAnImpossibleDateAsThatFeaturesProblem()
    {
        var parts = new Dictionary<string, byte[]>(Parts) { [".dbf"] = DbfPatch.SetCell(Parts[".dbf"], 1, "DATE_INFO", "20251341") };

        var result = await Uploads.ReadAsync(ShapefileFixture.Zip(parts), "dates.zip");

        Assert.Null(result.Features[0].Problem);
        Assert.Equal("Field DATE_INFO is a date but holds '20251341'.", result.Features[1].Problem);
    }

    [Fact]
    public async Task RejectsALineShapefile()
    {
        var line = new GeometryFactory().CreateLineString([new(0, 0), new(1, 1)]);
        var parts = ShapefileFixture.Write([new Feature(line, new AttributesTable { { "NAME", "track" } })], null);

        var error = await Uploads.FailsAsync(ShapefileFixture.Zip(parts), "lines.zip");

        Assert.Equal(UploadFormatErrors.UnsupportedShapeType, error.Code);
    }

    [Fact]
    public async Task RejectsAZipWithNothingReadableAndSaysWhatItHolds()
    {
        var zip = Uploads.Zip(("readme.txt", Uploads.Utf8("hello")), ("photo.jpg", [0xFF, 0xD8, 0xFF]));

        var error = await Uploads.FailsAsync(zip, "stuff.zip");

        Assert.Equal(UploadFormatErrors.ZipWithoutData, error.Code);
        Assert.Contains("readme.txt, photo.jpg", error.Message);
    }
}
