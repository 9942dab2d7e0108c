using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Csv;

public sealed class CsvGeometryTests
{
    [Fact]
    public async Task ReadsAQuotedWktColumnWithAttributesFromUtf8WithBom()
    {
        const string Csv = "\uFEFFlocalId,name,classification,WKT\r\n"
            + "KHM-PLN-U501,\"Phnom Spean, north slope\",CHA,\"POLYGON ((102.6 12.85, 102.61 12.85, 102.61 12.86, 102.6 12.85))\"\r\n"
            + "KHM-PLN-U502,\"The \"\"old\"\" camp\",SHA,\"MULTIPOLYGON (((102.6 12.9, 102.61 12.9, 102.61 12.91, 102.6 12.9)), ((102.7 12.9, 102.71 12.9, 102.71 12.91, 102.7 12.9)))\"\r\n";

        var result = await Uploads.ReadAsync(Uploads.Utf8(Csv), "areas.csv");

        Assert.Equal((UploadFormats.Csv, null), (result.Format, result.DeclaredCrs));
        Assert.Equal(2, result.Features.Count);
        Assert.Equal("Phnom Spean, north slope", result.Features[0].Attributes["name"]);
        Assert.Equal("KHM-PLN-U501", result.Features[0].Attributes["localId"]);
        Assert.False(result.Features[0].Attributes.ContainsKey("wkt"));
        Assert.Equal(new Coordinate(102.61, 12.86), Assert.IsType<Polygon>(result.Features[0].Geometry).ExteriorRing.GetCoordinateN(2));
        Assert.Equal("The \"old\" camp", result.Features[1].Attributes["name"]);
        Assert.IsType<MultiPolygon>(result.Features[1].Geometry);
    }

    [Fact]
    public async Task ReadsSemicolonSeparatedPointsWithDecimalCommasAndTheCrsColumn()
    {
        const string Csv = "local_id;Easting;Northing;crs\nRP-7;380123,5;1450456,25;EPSG:32648\nRP-8;380200;1450500;EPSG:32648\n";

        var result = await Uploads.ReadAsync(Uploads.Utf8(Csv), "points.csv");

        Assert.Equal("EPSG:32648", result.DeclaredCrs);
        Assert.Equal(new Coordinate(380123.5, 1450456.25), Assert.IsType<Point>(result.Features[0].Geometry).Coordinate);
        Assert.Equal("RP-7", result.Features[0].Attributes["local_id"]);
        Assert.Null(result.Features[1].Problem);
    }

    [Fact]
    public async Task ReportsBadRowsAsTheirProblemsWithTheirLines()
    {
        const string Csv = "name,lon,lat\n"
            + "ok,102.5,13.5\n"
            + "text,east,13.5\n"
            + "empty,,13.5\n"
            + "extra,102.5,13.5,surplus\n"
            + "nan,NaN,13.5\n"
            + "far,1e308,13.5\n";

        var features = (await Uploads.ReadAsync(Uploads.Utf8(Csv), "rows.csv")).Features;

        Assert.Null(features[0].Problem);
        Assert.Equal("Column lon holds 'east', not a number. (line 3)", features[1].Problem);
        Assert.Equal("Column lon is empty. (line 4)", features[2].Problem);
        Assert.StartsWith("The row has a different number of cells from the header's 3 (line 5)", features[3].Problem);
        Assert.Contains("not a finite number", features[4].Problem);
        Assert.Null(features[5].Problem);
        Assert.Equal(1e308, ((Point)features[5].Geometry!).X);
    }

    [Fact]
    public async Task ReportsUnreadableWktAsThatRowsProblem()
    {
        const string Csv = "id;geometry\n1;POLYGON ((1 1, 2 2\n2;POINT (102.5 13.5)\n3;LINESTRING (1 1, 2 2)\n";

        var features = (await Uploads.ReadAsync(Uploads.Utf8(Csv), "wkt.csv")).Features;

        Assert.StartsWith("The WKT 'POLYGON ((1 1, 2 2' cannot be read", features[0].Problem);
        Assert.Null(features[1].Problem);
        Assert.Contains("LineString", features[2].Problem);
    }

    [Fact]
    public async Task RejectsACsvWithoutAGeometryColumnNamingItsColumns()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8("localId,name,status\nA,B,OPEN\n"), "table.csv");

        Assert.Equal(UploadFormatErrors.NoGeometryColumn, error.Code);
        Assert.EndsWith("Its columns are: localId, name, status.", error.Message);
    }

    [Fact]
    public async Task RejectsAHeaderThatNamesAColumnTwice()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8("name,wkt,Name\na,POINT (1 2),b\n"), "twice.csv");

        Assert.Equal(UploadFormatErrors.InvalidCsv, error.Code);
    }
}
