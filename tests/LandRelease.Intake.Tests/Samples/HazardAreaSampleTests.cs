using System.Globalization;
using LandRelease.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.Samples;

public sealed class HazardAreaSampleTests
{
    [Theory]
    [InlineData("hazard-areas-halo-battambang.geojson", UploadFormats.GeoJson, 5, "HALO-KHM")]
    [InlineData("hazard-areas-mag-banteay-meanchey.kml", UploadFormats.Kml, 4, "MAG-KHM")]
    [InlineData("hazard-areas-halo-pailin-wkt.csv", UploadFormats.Csv, 3, "HALO-KHM")]
    [InlineData("hazard-areas-mag-battambang.gpkg", UploadFormats.GeoPackage, 4, "MAG-KHM")]
    public async Task EachFormatsSamplePassesTheRegistersGeometryRulesWithoutAWarning(string file, string format, int count, string organisation)
    {
        var sample = await SampleFiles.ReadAsync(file);
        var cambodia = await SampleFiles.CambodiaAsync();
        var register = await SampleFiles.ReadAsync("hazard-areas.geojson");

        Assert.Equal((format, count), (sample.Format, sample.Features.Count));
        Assert.Equal("EPSG:4326", sample.DeclaredCrs ?? "EPSG:4326");
        foreach (var feature in sample.Features)
        {
            Assert.Null(feature.Problem);
            var check = GeometryChecks.Check(feature.Geometry, cambodia);
            Assert.True(check.IsAccepted, string.Join("; ", check.Errors.Select(e => e.Message)));
            Assert.Empty(check.Warnings);
            Assert.InRange(SampleFiles.Hectares(feature.Geometry!), 0.5, 20);
            Assert.Equal(organisation, feature.Attributes.GetValueOrDefault("organisation"));
            string localId = feature.Attributes.GetValueOrDefault("localId") ?? feature.Attributes["local_id"]!;
            Assert.DoesNotContain(register.Features, existing => existing.Attributes["localId"] == localId);
            Assert.DoesNotContain(register.Features, existing => existing.Geometry!.Intersects(feature.Geometry));
        }
    }

    [Fact]
    public async Task TheIndian1960ShapefileCarriesAnEsriPrjAndTheGridCoordinatesOfItsPlaces()
    {
        var sample = await SampleFiles.ReadAsync("hazard-areas-halo-indian1960-utm48n.zip");

        Assert.Equal(UploadFormats.Shapefile, sample.Format);
        Assert.StartsWith("PROJCS[\"Indian_1960_UTM_Zone_48N\",GEOGCS[\"GCS_Indian_1960\",DATUM[\"D_Indian_1960\"", sample.DeclaredCrs);
        Assert.DoesNotContain("TOWGS84", sample.DeclaredCrs);
        Assert.Equal(["KHM-PLN-1011", "KHM-PLN-1012", "KHM-PLN-1013", "KHM-BTB-1021"], sample.Features.Select(f => f.Attributes["LOCAL_ID"]));
        var first = sample.Features[0];
        Assert.Equal(("CHA", "AP_MINE", "2025-02-25", "HALO-KHM"), (first.Attributes["CLASSIF"], first.Attributes["CONTAMIN"], first.Attributes["DATE_INFO"], first.Attributes["ORG"]));
        Assert.Equal("DIRECT: PMN-2 found by a villager, 2024", first.Attributes["EVIDENCE"]);
        // PostGIS 3.3.2 / PROJ 9.1.1: ST_Transform(POINT(102.700217 12.921253), WGS 84 ->
        // '+proj=utm +zone=48 +a=6377276.345 +rf=300.8017 +towgs84=198,881,317,0,0,0,0'), the first vertex's intended place.
        var vertices = first.Geometry!.Coordinates;
        Assert.Contains(vertices, c => c.Equals2D(new Coordinate(250888.432, 1429224.113), 0.0005));
        foreach (var feature in sample.Features)
        {
            Assert.True(feature.Geometry!.IsValid);
            Assert.InRange(feature.Geometry.Area / 10_000, 0.5, 20);
        }
    }

    [Fact]
    public async Task TheTraverseSampleHoldsOneTraverseOfEachKindThatCloses()
    {
        var sample = await SampleFiles.ReadAsync("traverses-halo.csv");

        var kinds = sample.Features.Select(f => (f.Traverse!.AngleUnit, f.Traverse.BearingReference, f.Traverse.ReferenceCrs)).ToList();
        Assert.Equal(
            [(TraverseUnits.Degrees, TraverseUnits.Magnetic, "EPSG:4326"), (TraverseUnits.Mils, TraverseUnits.Grid, "EPSG:32648"), (TraverseUnits.Degrees, TraverseUnits.True, "EPSG:3148")],
            kinds);
        foreach (var traverse in sample.Features.Select(f => f.Traverse!))
        {
            Assert.Equal(("RP", "TP1"), (traverse.Legs[0].From, traverse.Legs[^1].To));
            Assert.InRange(Misclosure(traverse), 0, 0.5);
        }
    }

    /// <summary>Walks the legs from TP1 round to TP1 in a plane; one rotation (declination, convergence) cannot open a loop.</summary>
    private static double Misclosure(TraverseRecord traverse)
    {
        double scale = traverse.AngleUnit == TraverseUnits.Mils ? 2 * Math.PI / 6400 : Math.PI / 180;
        double east = 0, north = 0;
        foreach (var leg in traverse.Legs.Skip(2))
        {
            east += leg.DistanceMetres * Math.Sin(leg.Bearing * scale);
            north += leg.DistanceMetres * Math.Cos(leg.Bearing * scale);
        }

        return Math.Sqrt((east * east) + (north * north));
    }

    [Fact]
    public async Task TheWktSampleKeepsQuotedSeparatorsInsideValues()
    {
        var sample = await SampleFiles.ReadAsync("hazard-areas-halo-pailin-wkt.csv");

        var second = sample.Features[1].Attributes;
        Assert.Equal("Stueng Trang hill slope, north", second["name"]);
        Assert.Equal("AP_MINE,AV_MINE", second["contamination"]);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"INDIRECT: Land unused since 1998 for fear of mines (\"no one goes there\")"), second["evidence"]);
    }
}
