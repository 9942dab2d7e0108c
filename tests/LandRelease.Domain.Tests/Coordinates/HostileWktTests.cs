namespace LandRelease.Domain.Tests.Coordinates;

using LandRelease.Domain.Coordinates;

/// <summary>
/// WKT built to make a parser work in the square of its length: each is refused as invalid at once. The timeouts
/// are the failure a slow parser shows (a 5 MB name kept a core busy until restart), not a speed target.
/// </summary>
public sealed class HostileWktTests
{
    private static readonly CoordinateSystems Systems = new(DatumShiftTable.Default);

    public static TheoryData<string, string> Hostile => new()
    {
        { "a 5 MB quoted name", "PROJCS[\"" + new string('a', 5 * 1024 * 1024) + "\"]" },
        { "a 200 KB quoted name", "GEOGCS[\"" + new string('x', 200 * 1024) + "\"]" },
        { "an unclosed 1 MB name", "PROJCS[\"" + new string('a', 1024 * 1024) },
        { "a 1 MB keyword", "PROJCS[" + new string('A', 1024 * 1024) + "]" },
        { "a 1 MB number", "GEOGCS[\"g\",DATUM[\"d\",SPHEROID[\"s\"," + new string('9', 1024 * 1024) + ",298]]]" },
        { "brackets 100,000 deep", "PROJCS[" + string.Concat(Enumerable.Repeat("GEOGCS[", 100_000)) + new string(']', 100_001) },
        { "20 KB of short parameters", "PROJCS[\"p\"" + string.Concat(Enumerable.Repeat(",PARAMETER[\"k\",1]", 1200)) + "]" },
        { "a 1 MB WKT 2 name", "PROJCRS[\"" + new string('a', 1024 * 1024) + "\",ID[\"EPSG\",32648]]" },
    };

    [Theory(Timeout = 5000)]
    [MemberData(nameof(Hostile))]
    public async Task HostileWktIsRefusedAsInvalidWithoutParsingItForLong(string what, string wkt)
    {
        var resolution = await Task.Run(() => Systems.Resolve(wkt), TestContext.Current.CancellationToken);

        Assert.False(resolution.Succeeded, what);
        Assert.Equal(CrsFailureCodes.Invalid, resolution.Failure.Code);
        Assert.True(resolution.Failure.Message.Length < 400, "the message quotes the WKT abbreviated");
    }

    [Fact(Timeout = 5000)]
    public async Task ANameOfAMillionCharactersIsRefusedBeforeAnyLookUp()
    {
        var resolution = await Task.Run(() => Systems.Resolve(new string('x', 1024 * 1024)), TestContext.Current.CancellationToken);

        Assert.Equal(CrsFailureCodes.Invalid, resolution.Failure!.Code);
    }

    [Fact]
    public void AnOrdinaryPrjPassesTheShapeCheck()
    {
        foreach (var prj in new[] { EsriPrj.Indian1960Utm48, EsriPrj.Wgs84Utm48 })
        {
            Assert.Null(WktShape.Problem(prj));
            Assert.True(Systems.Resolve(prj).Succeeded);
        }
    }
}
