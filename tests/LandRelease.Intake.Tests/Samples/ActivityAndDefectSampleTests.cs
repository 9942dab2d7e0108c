using System.Text.Json;
using LandRelease.Domain.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Intake.Tests.Samples;

public sealed class ActivityAndDefectSampleTests
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    [Theory]
    [InlineData("activities-halo.geojson", "HALO-KHM")]
    [InlineData("activities-mag.geojson", "MAG-KHM")]
    public async Task EachActivityAndItsOutcomeLieInsideTheHazardAreaItNames(string file, string organisation)
    {
        var activities = await SampleFiles.ReadAsync(file);
        var register = (await SampleFiles.ReadAsync("hazard-areas.geojson")).Features.ToDictionary(f => f.Attributes["localId"]!);

        // One operator's work per file, so that operator's field account can upload it.
        Assert.Equal(2, activities.Features.Count);
        Assert.All(activities.Features, a => Assert.Equal(organisation, a.Attributes["organisation"]));
        foreach (var activity in activities.Features)
        {
            var area = register[activity.Attributes["hazardAreaLocalId"]!].Geometry!.Buffer(1e-6);
            Assert.True(activity.Geometry!.Within(area), $"{activity.Attributes["localId"]} worked area leaves its hazardous area");
            using var outcomes = JsonDocument.Parse(activity.Attributes["proposedOutcomes"]!);
            foreach (var outcome in outcomes.RootElement.EnumerateArray())
            {
                var geometry = outcome.GetProperty("geometry").Deserialize<Geometry>(GeoJson)!;
                Assert.True(geometry.Within(area));
                string expectedKind = activity.Attributes["type"] switch { "NTS" => "CANCELLED", "TS" => "REDUCED", _ => "CLEARED" };
                Assert.Equal(expectedKind, outcome.GetProperty("kind").GetString());
            }

            Assert.IsType<Point>(JsonDocument.Parse(activity.Attributes["referencePoint"]!).RootElement.Deserialize<Geometry>(GeoJson));
        }
    }

    [Fact]
    public async Task EachDefectHitsItsRuleAndNoOther()
    {
        var defects = (await SampleFiles.ReadAsync("defects.geojson")).Features;
        var cambodia = await SampleFiles.CambodiaAsync();

        var found = defects.Select(f =>
        {
            Assert.Null(f.Problem);
            var check = GeometryChecks.Check(f.Geometry, cambodia);
            var attributes = new List<string>();
            if (f.Attributes["classification"] is not ("SHA" or "CHA"))
            {
                attributes.Add("classification");
            }

            if (!f.Attributes.ContainsKey("localId"))
            {
                attributes.Add("localId");
            }

            return string.Join(" ", check.Errors.Select(e => e.Rule).Concat(check.Warnings.Select(w => "warning:" + w.Rule)).Concat(attributes));
        }).ToList();

        Assert.Equal(
            ["too-few-vertices", "invalid-geometry", "warning:duplicate-vertices", "warning:spike", "warning:long-edge",
             "swapped-coordinates", "outside-country", "zero-area", "classification", "localId"],
            found);
    }
}
