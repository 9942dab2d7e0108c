namespace LandRelease.Domain.Tests.Geometry;

using LandRelease.Domain.Geometry;

public sealed class WarningTests
{
    // A square of about 1.1 km with a needle 4.3 km long pushed out of its east side at latitude 12.005.
    private const string SpikeWkt =
        "POLYGON ((103 12, 103.01 12, 103.01 12.005, 103.05 12.0051, 103.01 12.0052, 103.01 12.01, 103 12.01, 103 12))";

    [Fact]
    public void ACleanPolygonHasNoWarnings()
    {
        var result = GeometryChecks.Check(Shapes.Box(104, 12, 104.01, 12.01), Shapes.Cambodia);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void WarnsOnceAboutEdgesLongerThanFiveKilometresWithTheLongest()
    {
        // The south and north edges are 0.1° of longitude at 12° N: about 10.9 km each.
        var result = GeometryChecks.Check(Shapes.Box(103, 12, 103.1, 12.01));

        Assert.True(result.IsAccepted);
        var warning = Shapes.Single(result.Warnings, GeometryRules.LongEdge);
        Assert.StartsWith("2 edges are longer than 5.0 km; the longest, 10.9 km, is in ring 1 of polygon 1", warning.Message);
        Assert.NotNull(warning.Longitude);
    }

    [Fact]
    public void EdgesUnderTheThresholdGiveNoLongEdgeWarning() =>
        Assert.DoesNotContain(
            GeometryChecks.Check(Shapes.Box(103, 12, 103.04, 12.04)).Warnings,
            w => w.Rule == GeometryRules.LongEdge);

    [Fact]
    public void TheLongEdgeThresholdIsAnOption()
    {
        var result = GeometryChecks.Check(
            Shapes.Box(103, 12, 103.01, 12.01),
            options: new GeometryCheckOptions { LongEdgeWarningMetres = 1000 });

        Assert.StartsWith("4 edges are longer than 1.0 km", Shapes.Single(result.Warnings, GeometryRules.LongEdge).Message);
    }

    [Fact]
    public void WarnsAboutASpikeWithItsLocation()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(SpikeWkt));

        Assert.True(result.IsAccepted);
        var warning = Shapes.Single(result.Warnings, GeometryRules.Spike);
        Assert.StartsWith("Ring 1 of polygon 1 has a spike at (longitude 103.05, latitude 12.0051)", warning.Message);
        Assert.Equal(103.05, warning.Longitude);
        Assert.Equal(12.0051, warning.Latitude);
    }

    [Fact]
    public void ASpikeAtTheFirstVertexIsFoundToo()
    {
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((103.05 12.0051, 103.01 12.0052, 103.01 12.01, 103 12.01, 103 12, 103.01 12, 103.01 12.005, 103.05 12.0051))"));

        Assert.Equal(103.05, Shapes.Single(result.Warnings, GeometryRules.Spike).Longitude);
    }

    [Fact]
    public void ANarrowCutIntoThePolygonIsASpikeToo()
    {
        // The same needle pointing inwards: as likely a GPS jump, though the interior angle there is ~359.7°.
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((103 12, 103.06 12, 103.06 12.005, 103.02 12.0051, 103.06 12.0052, 103.06 12.01, 103 12.01, 103 12))"));

        Assert.Equal(103.02, Shapes.Single(result.Warnings, GeometryRules.Spike).Longitude);
    }

    [Fact]
    public void ListsTenSpikesAndCountsTheRest()
    {
        // A comb: twelve needles standing on the north edge of a strip.
        var teeth = Enumerable.Range(0, 12).Select(i => 103.0 + 0.004 * (i + 1))
            .SelectMany(x => new[] { $"{x:0.####} 12.001", $"{x + 0.00001:0.#####} 12.03", $"{x + 0.00002:0.#####} 12.001" });
        string wkt = $"POLYGON ((103 12, 103.06 12, 103.06 12.001, {string.Join(", ", teeth.Reverse())}, 103 12.001, 103 12))";

        var spikes = GeometryChecks.Check(Shapes.Wkt(wkt)).Warnings.Where(w => w.Rule == GeometryRules.Spike).ToList();

        Assert.Equal(11, spikes.Count);
        Assert.Equal("2 more spikes were found and not listed.", spikes[^1].Message);
    }

    [Fact]
    public void ASharpButOrdinaryCornerIsNotASpike()
    {
        // A long thin triangle whose sharpest angle is about 5.7°.
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON ((103 12, 103.01 12, 103 12.001, 103 12))"));

        Assert.DoesNotContain(result.Warnings, w => w.Rule == GeometryRules.Spike);
    }

    [Fact]
    public void AnAngleBetweenEdgesShorterThanAMetreIsNotASpike()
    {
        // A needle 0.5 m long: GPS jitter, not a recording error worth a warning.
        var result = GeometryChecks.Check(Shapes.Wkt(
            "POLYGON ((103 12, 103.01 12, 103.01 12.005, 103.0100045 12.0050001, 103.01 12.0050002, 103.01 12.01, 103 12.01, 103 12))"));

        Assert.True(result.IsAccepted);
        Assert.DoesNotContain(result.Warnings, w => w.Rule == GeometryRules.Spike);
    }

    [Fact]
    public void WarningsAreKeptWhenTheGeometryIsRejected()
    {
        var result = GeometryChecks.Check(Shapes.Wkt("POLYGON Z ((103 12 1, 104 13 1, 104 12 1, 103 13 1, 103 12 1))"));

        Assert.False(result.IsAccepted);
        Assert.Equal(GeometryRules.ZmDropped, Assert.Single(result.Warnings).Rule);
    }
}
