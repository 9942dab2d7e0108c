using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Traverse rows in a CSV become the polygon TP1..TPn. Every figure is copied from ../shared/vectors/traverse.json
/// (direct geodesic problem on WGS 84 with PROJ geod) and crs.json (the EPSG:32648 position of the reference point).
/// </summary>
public sealed partial class TraverseUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Header =
        "local_id,point,x,y,crs,bearing,distance_m,angle_unit,bearing_reference,declination_deg,name,classification,contamination,status,evidence,dateOfInformation,organisation\n";

    private static readonly string[] Points = ["BM", "TP1", "TP2", "TP3", "TP4", "TP1"];

    // traverse.json legs: RP->BM, BM->TP1, TP1->TP2, TP2->TP3, TP3->TP4, TP4->TP1 (bearing, metres).
    private static readonly double[] Distances = [80, 25, 120, 90, 120, 90];
    private static readonly double[] TrueDegrees = [45, 10, 100, 190, 280, 10];
    private static readonly double[] TrueMils = [800, 177.777778, 1777.777778, 3377.777778, 4977.777778, 177.777778];
    private static readonly double[] MagneticDegrees = [45.5, 10.5, 100.5, 190.5, 280.5, 10.5];
    private static readonly double[] GridDegrees = [45.263460636, 10.263460636, 100.263460636, 190.263460636, 280.263460636, 10.263460636];

    // traverse.json expectedPoints (WGS 84 longitude, latitude).
    private static readonly (double Lon, double Lat)[] TurningPoints =
    [
        (103.860562282, 13.360733852), (103.861653219, 13.3605455), (103.861508949, 13.359744363), (103.860418014, 13.35993271),
    ];

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Traverse(string localId, string x, string y, string crs, string unit, string reference, string declination,
        double[] bearings, double[] distances)
    {
        var csv = new StringBuilder(
            $"{localId},RP,{x},{y},{crs},,,{unit},{reference},{declination},Pagoda field,CHA,AP_MINE,OPEN,\"DIRECT: PMN-2 found\",2024-05-01,CMAC\n");
        for (var i = 0; i < Points.Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{localId},{Points[i]},,,,{UploadFiles.N(bearings[i])},{UploadFiles.N(distances[i])},,,,,,,,,,\n");
        }

        return csv.ToString();
    }

    public static TheoryData<string, string, string, string, string, string> Forms => new()
    {
        { "103.86", "13.36", "EPSG:4326", "DEGREES", "TRUE", "" },
        { "103.86", "13.36", "EPSG:4326", "MILS", "TRUE", "" },
        { "103.86", "13.36", "EPSG:4326", "DEGREES", "MAGNETIC", "-0.5" },
        { "103.86", "13.36", "EPSG:4326", "DEGREES", "GRID", "" },
        { "376550.135", "1477231.131", "EPSG:32648", "DEGREES", "TRUE", "" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task ATraverseCsvLandsAsThePolygonOfItsTurningPoints(string x, string y, string crs, string unit, string reference, string declination)
    {
        var batch = UploadDatabase.NewBatch("TRV");
        var bearings = (unit, reference) switch
        {
            ("MILS", _) => TrueMils,
            (_, "MAGNETIC") => MagneticDegrees,
            (_, "GRID") => GridDegrees,
            _ => TrueDegrees,
        };
        var csv = Header + Traverse($"{batch}-1", x, y, crs, unit, reference, declination, bearings, Distances);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(csv), KhmCmac, "text/csv"));

        Assert.True(status.Line(0).Outcome() == "ACCEPTED", status.Line(0).ToString());
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.Equal(5, Geo.Vertices(area).Count);
        Geo.AssertVerticesNear(area, TurningPoints, 1.0);
    }

    [Fact]
    public async Task ATraverseThatMissesItsStartBy1Point5MetresLandsAndReportsTheMisclosure()
    {
        var batch = UploadDatabase.NewBatch("TRV-MIS");
        // traverse.json withMisclosure: the closing leg is 91.5 m instead of 90 m; misclosure 1.4995 m over 446.5 m.
        double[] distances = [80, 25, 120, 90, 120, 91.5];
        var csv = Header + Traverse($"{batch}-1", "103.86", "13.36", "EPSG:4326", "DEGREES", "TRUE", "", TrueDegrees, distances);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(csv), KhmCmac, "text/csv"));

        var line = status.Line(0);
        Assert.Equal("ACCEPTED", line.Outcome());
        var warnings = line.GetProperty("warnings").ToString();
        Assert.Matches(MisclosureOf1Point5(), warnings);
    }

    [Fact]
    public async Task ATraverseThatMissesItsStartBy20MetresIsRejectedAsMisclosed()
    {
        var batch = UploadDatabase.NewBatch("TRV-BAD");
        double[] distances = [80, 25, 120, 90, 120, 110];
        var csv = Header
            + Traverse($"{batch}-1", "103.86", "13.36", "EPSG:4326", "DEGREES", "TRUE", "", TrueDegrees, distances)
            + Traverse($"{batch}-2", "103.86", "13.36", "EPSG:4326", "DEGREES", "TRUE", "", TrueDegrees, Distances);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(csv), KhmCmac, "text/csv"));

        Assert.Equal(("REJECTED", "traverse-misclosure"), (status.Line(0).Outcome(), status.Line(0).Rule()));
        Assert.Equal("ACCEPTED", status.Line(1).Outcome());
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [GeneratedRegex(@"(?i)misclosure[^""]*1\.[45]\d* m")]
    private static partial Regex MisclosureOf1Point5();
}
