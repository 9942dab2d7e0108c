using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.GeoJson;

public sealed class GeoJsonMalformedTests
{
    private static string Collection(params string[] features) =>
        $$$"""{"type": "FeatureCollection", "features": [{{{string.Join(",\n", features)}}}]}""";

    private static string Polygon(string coordinates) =>
        $$$"""{"type": "Feature", "properties": {"localId": "X"}, "geometry": {"type": "Polygon", "coordinates": {{{coordinates}}}}}""";

    private const string Good = """{"type": "Feature", "properties": {"localId": "GOOD"}, "geometry": {"type": "Point", "coordinates": [102.5, 13.5]}}""";

    [Theory]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": null}""", "no geometry")]
    [InlineData("""{"type": "Feature", "properties": {}}""", "no \"geometry\"")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[1, 2], [3, 4]]}}""", "LineString")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["102.5", 13.5]}}""", "the text '102.5', not a number")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [102.5]}}""", "needs longitude and latitude")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 2]]]}}""", "not closed")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [1, 1]]]}}""", "has 3 positions")]
    [InlineData("""{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1e999, 13.5]}}""", "too large")]
    [InlineData("""{"type": "Feature", "properties": [1, 2], "geometry": null}""", "not an object")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}""", "must be a Feature")]
    [InlineData("""null""", "null, not a Feature object")]
    public async Task ReportsABadFeatureAsItsProblemAndReadsOn(string bad, string expected)
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Collection(Good, bad, Good)), "bad.geojson");

        Assert.Equal(3, result.Features.Count);
        Assert.Null(result.Features[0].Problem);
        Assert.Contains(expected, result.Features[1].Problem);
        Assert.Null(result.Features[1].Geometry);
        Assert.Equal(1, result.Features[1].Index);
        Assert.Null(result.Features[2].Problem);
    }

    [Fact]
    public async Task KeepsTheAttributesThatFollowABadGeometryForTheReport()
    {
        const string GeometryFirst = """{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, "x"], [1, 1]]]}, "properties": {"localId": "KHM-BTB-U777"}}""";

        var feature = (await Uploads.ReadAsync(Uploads.Utf8(Collection(GeometryFirst, Good)), "order.geojson")).Features[0];

        Assert.Equal("A coordinate is the text 'x', not a number.", feature.Problem);
        Assert.Equal("KHM-BTB-U777", feature.Attributes["localId"]);
    }

    [Fact]
    public async Task ReportsTextThatIsNotUtf8AsThatFeaturesProblem()
    {
        byte[] json = Uploads.Utf8(Collection(Good.Replace("GOOD", "B@D", StringComparison.Ordinal), Good));
        json[Array.IndexOf(json, (byte)'@')] = 0xFF;

        var features = (await Uploads.ReadAsync(json, "latin1.geojson")).Features;

        Assert.Contains("not valid UTF-8", features[0].Problem);
        Assert.Null(features[1].Problem);
    }

    [Fact]
    public async Task KeepsCoordinatesOf1e308ForTheRangeCheckToReject()
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Collection(Polygon("[[[1e308, 13], [1e308, 14], [-1e308, 14], [1e308, 13]]]"))), "far.geojson");

        var feature = Assert.Single(result.Features);
        Assert.Null(feature.Problem);
        Assert.Equal(1e308, ((Polygon)feature.Geometry!).ExteriorRing.GetCoordinateN(0).X);
    }

    [Fact]
    public async Task RejectsHalfAFileAsInvalidJsonSayingWhere()
    {
        string whole = Collection(Good, Good, Good, Good);
        byte[] half = Uploads.Utf8(whole[..(whole.Length / 2)]);

        var error = await Uploads.FailsAsync(half, "half.geojson");

        Assert.Equal(UploadFormatErrors.InvalidJson, error.Code);
        int lastLine = whole[..(whole.Length / 2)].Count(c => c == '\n') + 1;
        Assert.StartsWith($"The file is not valid JSON at line {lastLine}, ", error.Message);
        Assert.Contains("in or after feature 1", error.Message);
    }

    [Theory]
    [InlineData("""{"type": "FeatureCollection", "features": [}""")]
    [InlineData("""{"type": "FeatureCollection", "features": []} trailing""")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature",}]}""")]
    public async Task RejectsSyntaxErrorsAsInvalidJson(string json)
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8(json), "broken.json");

        Assert.Equal(UploadFormatErrors.InvalidJson, error.Code);
    }

    [Theory]
    [InlineData("""{"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}""", "type is \"Polygon\"")]
    [InlineData("""[{"type": "Feature"}]""", "top level is an array")]
    [InlineData("""{"type": "FeatureCollection"}""", "no \"features\" array")]
    [InlineData("""{"type": "FeatureCollection", "features": {"a": 1}}""", "not an array")]
    [InlineData("""{"features": [], "type": "Topology"}""", "\"Topology\"")]
    public async Task RejectsWhatIsNotAFeatureCollection(string json, string expected)
    {
        var error = await Uploads.FailsAsync(Uploads.Utf8(json), "other.geojson");

        Assert.Equal(UploadFormatErrors.NotAFeatureCollection, error.Code);
        Assert.Contains(expected, error.Message);
    }
}
