using LandRelease.Intake.Tests.Support;

namespace LandRelease.Intake.Tests.Csv;

public sealed class CsvTraverseTests
{
    private const string Header = "local_id,point,x,y,crs,bearing,distance_m,angle_unit,bearing_reference,declination_deg,name,classification\n";

    // Legs from ../shared/vectors/traverse.json (true degrees; the magnetic and mils forms of the same legs).
    private const string Rows = Header
        + "KHM-OMC-T001,RP,103.86,13.36,EPSG:4326,,,DEGREES,MAGNETIC,-0.5,Kouk Mon trench line,CHA\n"
        + "KHM-OMC-T001,BM,,,,45.5,80,,,,,\n"
        + "KHM-OMC-T001,TP1,,,,10.5,25,,,,,\n"
        + "KHM-OMC-T001,TP2,,,,100.5,120,,,,,\n"
        + "KHM-OMC-T001,TP3,,,,190.5,90,,,,,\n"
        + "KHM-OMC-T001,TP4,,,,280.5,120,,,,,\n"
        + "KHM-OMC-T001,TP1,,,,10.5,90,,,,,\n"
        + "KHM-OMC-T002,RP,376550.135,1477231.131,EPSG:32648,,,MILS,GRID,,Ampil pond,SHA\n"
        + "KHM-OMC-T002,BM,,,,800,80,MILS,,,,\n"
        + "KHM-OMC-T002,TP1,,,,177.777778,25,,,,,\n"
        + "KHM-OMC-T002,TP2,,,,1777.777778,120,,,,,\n"
        + "KHM-OMC-T002,TP3,,,,3377.777778,90,,,,,\n"
        + "KHM-OMC-T002,TP1,,,,4977.777778,120,,,,,\n";

    [Fact]
    public async Task GroupsConsecutiveRowsIntoTraversesWithLegsInWalkingOrder()
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Rows), "traverses.csv");

        Assert.Equal("EPSG:4326", result.DeclaredCrs);
        Assert.Equal(2, result.Features.Count);
        var first = result.Features[0];
        Assert.Null(first.Problem);
        Assert.Null(first.Geometry);
        Assert.Equal("KHM-OMC-T001", first.Attributes["local_id"]);
        Assert.Equal("Kouk Mon trench line", first.Attributes["name"]);
        Assert.False(first.Attributes.ContainsKey("bearing"));
        var traverse = first.Traverse!;
        Assert.Equal((103.86, 13.36, "EPSG:4326"), (traverse.ReferenceX, traverse.ReferenceY, traverse.ReferenceCrs));
        Assert.Equal((TraverseUnits.Degrees, TraverseUnits.Magnetic, -0.5), (traverse.AngleUnit, traverse.BearingReference, traverse.DeclinationDegrees));
        Assert.Equal(
            [new("RP", "BM", 45.5, 80), new("BM", "TP1", 10.5, 25), new("TP1", "TP2", 100.5, 120), new("TP2", "TP3", 190.5, 90),
             new("TP3", "TP4", 280.5, 120), new TraverseLeg("TP4", "TP1", 10.5, 90)],
            traverse.Legs);
        var second = result.Features[1].Traverse!;
        Assert.Equal(1, result.Features[1].Index);
        Assert.Equal((TraverseUnits.Mils, TraverseUnits.Grid, null), (second.AngleUnit, second.BearingReference, second.DeclinationDegrees));
        Assert.Equal(5, second.Legs.Count);
        Assert.Equal(4977.777778, second.Legs[^1].Bearing);
    }

    [Theory]
    [InlineData("T9,RP,103.8,13.3,,,,DEGREES,TRUE,,x,SHA\nT9,BM,,,,10,10,,,,,\nT9,TP1,,,,10,10,,,,,\nT9,TP2,,,,100,10,,,,,\nT9,TP3,,,,200,10,,,,,\n", "with at least three turning points")]
    [InlineData("T9,RP,103.8,13.3,,,,DEGREES,MAGNETIC,,x,SHA\nT9,BM,,,,10,10,,,,,\nT9,TP1,,,,10,10,,,,,\nT9,TP2,,,,100,10,,,,,\nT9,TP3,,,,200,10,,,,,\nT9,TP1,,,,300,10,,,,,\n", "need the magnetic declination")]
    [InlineData("T9,RP,103.8,13.3,,,,GRADS,TRUE,,x,SHA\nT9,BM,,,,10,10,,,,,\nT9,TP1,,,,10,10,,,,,\nT9,TP2,,,,100,10,,,,,\nT9,TP3,,,,200,10,,,,,\nT9,TP1,,,,300,10,,,,,\n", "angle_unit 'GRADS' is not one of DEGREES or MILS")]
    [InlineData("T9,RP,103.8,13.3,,,,DEGREES,TRUE,,x,SHA\nT9,BM,,,,10,10,,,,,\nT9,TP1,,,,10,ten,,,,,\nT9,TP2,,,,100,10,,,,,\nT9,TP3,,,,200,10,,,,,\nT9,TP1,,,,300,10,,,,,\n", "Column distance_m holds 'ten'")]
    [InlineData("T9,RP,103.8,13.3,,,,DEGREES,TRUE,,x,SHA\nT9,BM,,,,360,10,,,,,\nT9,TP1,,,,10,10,,,,,\nT9,TP2,,,,100,10,,,,,\nT9,TP3,,,,200,10,,,,,\nT9,TP1,,,,300,10,,,,,\n", "from 0 to under 360")]
    [InlineData("T9,RP,103.8,13.3,,,,DEGREES,TRUE,,x,SHA\nT9,BM,,,,10,10,,,,,\nT9,TP1,,,,10,10,,,,,\nT9,TP3,,,,100,10,,,,,\nT9,TP2,,,,200,10,,,,,\nT9,TP1,,,,300,10,,,,,\n", "row 4 is 'TP3' where TP2 was expected")]
    public async Task ReportsAFaultyTraverseAsItsProblemAndReadsTheNext(string faulty, string expected)
    {
        string csv = Header + faulty + Rows[Header.Length..];

        var features = (await Uploads.ReadAsync(Uploads.Utf8(csv), "traverses.csv")).Features;

        Assert.Equal(3, features.Count);
        Assert.Contains(expected, features[0].Problem);
        Assert.Contains("traverse 'T9', lines 2-", features[0].Problem);
        Assert.Null(features[0].Traverse);
        Assert.Null(features[1].Problem);
        Assert.Null(features[2].Problem);
    }

    [Fact]
    public async Task RejectsTraverseRowsWithoutALocalId()
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8("point,x,y,bearing,distance_m\nRP,1,2,,\n"), "t.csv");

        Assert.Equal(UploadFormatErrors.InvalidCsv, error.Code);
        Assert.Contains("lacks local_id", error.Message);
    }
}
