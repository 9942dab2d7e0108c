using System.Globalization;
using System.Text;
using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.GeoJson;

public sealed class GeoJsonStreamingTests
{
    [Fact]
    public async Task ReadsThousandsOfFeaturesSplitAcrossReadsAtEveryPossibleByte()
    {
        var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (var i = 0; i < 3000; i++)
        {
            double x = 102.5 + (i * 0.0001);
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$$"""
                {"type":"Feature","properties":{"localId":"KHM-BMC-S{{{i:0000}}}","note":"a \"quoted\" \u00e9 value"},"geometry":{"type":"Polygon","coordinates":[[[{{{x}}},13.0],[{{{x + 0.00005}}},13.0],[{{{x}}},13.00005],[{{{x}}},13.0]]]}}
                """);
        }

        json.Append("]}");

        var result = await Uploads.ReadAsync(Uploads.Utf8(json.ToString()), "many.geojson");

        Assert.Equal(3000, result.Features.Count);
        Assert.All(result.Features, f => Assert.Null(f.Problem));
        Assert.Equal("KHM-BMC-S2999", result.Features[2999].Attributes["localId"]);
        Assert.Equal("a \"quoted\" é value", result.Features[1234].Attributes["note"]);
        Assert.Equal(102.5 + (2999 * 0.0001), result.Features[2999].Geometry!.Coordinates[0].X, 9);
    }

    [Fact]
    public async Task ReadsOneFeatureLargerThanTheReadBuffer()
    {
        const int Vertices = 20_000;
        var ring = Enumerable.Range(0, Vertices).Select(i =>
        {
            double angle = 2 * Math.PI * i / Vertices;
            return string.Create(CultureInfo.InvariantCulture, $"[{102.7 + (0.01 * Math.Cos(angle)):F9},{13.2 + (0.01 * Math.Sin(angle)):F9}]");
        }).ToList();
        ring.Add(ring[0]);
        string json = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"localId":"big"},"geometry":{"type":"Polygon","coordinates":[[{{{string.Join(",", ring)}}}]]}}]}""";

        var feature = Assert.Single((await Uploads.ReadAsync(Uploads.Utf8(json), "big.geojson")).Features);

        Assert.True(json.Length > 256 * 1024);
        Assert.Equal(Vertices + 1, ((Polygon)feature.Geometry!).ExteriorRing.NumPoints);
    }

    [Fact]
    public async Task RefusesAFeatureLargerThanTheConfiguredLimit()
    {
        string coordinates = string.Join(",", Enumerable.Repeat("[102.1234567,13.1234567]", 10_000));
        string json = $$$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[{{{coordinates}}}]]}}]}""";

        var error = await Uploads.FailsAsync(Uploads.Utf8(json), "huge.geojson", new IntakeOptions { MaxFeatureBytes = 128 * 1024 });

        Assert.Equal(UploadFormatErrors.FeatureTooLarge, error.Code);
        Assert.Contains("Feature 0", error.Message);
    }
}
