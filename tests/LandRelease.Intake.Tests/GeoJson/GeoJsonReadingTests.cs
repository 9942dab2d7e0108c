using LandRelease.Intake.Tests.Support;
using NetTopologySuite.Geometries;

namespace LandRelease.Intake.Tests.GeoJson;

public sealed class GeoJsonReadingTests
{
    private const string Collection = """
        {
          "type": "FeatureCollection",
          "name": "halo-batch-7",
          "features": [
            {"type": "Feature", "id": 17,
             "geometry": {"type": "Polygon", "coordinates": [
               [[102.60, 13.10], [102.61, 13.10], [102.61, 13.11], [102.60, 13.11], [102.60, 13.10]],
               [[102.603, 13.103], [102.603, 13.106], [102.606, 13.106], [102.603, 13.103]]]},
             "properties": {"localId": "KHM-BTB-U001", "name": "Ta Sanh rice field", "contamination": ["AP_MINE", "AV_MINE"],
                            "evidence": [{"kind": "DIRECT", "description": "PMN-2 found"}], "areaHa": 12.50, "marked": true,
                            "note": null, "dateOfInformation": "2025-03-01"}},
            {"type": "Feature",
             "properties": {"localId": "KHM-BTB-U002"},
             "geometry": {"coordinates": [[[[102.7, 13.2], [102.71, 13.2], [102.71, 13.21], [102.7, 13.2]]],
                                          [[[102.8, 13.3], [102.81, 13.3], [102.81, 13.31], [102.8, 13.3]]]], "type": "MultiPolygon"}},
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [102.9, 13.4, 21.5]}, "properties": null}
          ]
        }
        """;

    [Fact]
    public async Task ReadsPolygonsWithHolesMultiPolygonsAndPointsInFileOrder()
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Collection), "batch.geojson");

        Assert.Equal(UploadFormats.GeoJson, result.Format);
        Assert.Equal([0, 1, 2], result.Features.Select(f => f.Index));
        Assert.All(result.Features, f => Assert.Null(f.Problem));
        var polygon = Assert.IsType<Polygon>(result.Features[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(new Coordinate(102.61, 13.10), polygon.ExteriorRing.GetCoordinateN(1));
        Assert.Equal(new Coordinate(102.606, 13.106), polygon.GetInteriorRingN(0).GetCoordinateN(2));
        var multi = Assert.IsType<MultiPolygon>(result.Features[1].Geometry);
        Assert.Equal(2, multi.NumGeometries);
        var point = Assert.IsType<Point>(result.Features[2].Geometry);
        Assert.Equal((102.9, 13.4, 21.5), (point.X, point.Y, point.Coordinate.Z));
    }

    [Fact]
    public async Task KeepsPropertiesAsTextWithNestedValuesAsRawJsonAndTheFeatureIdAsId()
    {
        var attributes = (await Uploads.ReadAsync(Uploads.Utf8(Collection), "batch.geojson")).Features[0].Attributes;

        Assert.Equal("KHM-BTB-U001", attributes["localId"]);
        Assert.Equal("Ta Sanh rice field", attributes["name"]);
        Assert.Equal("""["AP_MINE", "AV_MINE"]""", attributes["contamination"]);
        Assert.Equal("""[{"kind": "DIRECT", "description": "PMN-2 found"}]""", attributes["evidence"]);
        Assert.Equal("12.50", attributes["areaHa"]);
        Assert.Equal("true", attributes["marked"]);
        Assert.True(attributes.ContainsKey("note"));
        Assert.Null(attributes["note"]);
        Assert.Equal("2025-03-01", attributes["dateOfInformation"]);
        Assert.Equal("17", attributes["id"]);
        Assert.Equal("KHM-BTB-U001", attributes["LOCALID"]);
    }

    [Fact]
    public async Task DeclaresWgs84AsRfc7946Says()
    {
        var result = await Uploads.ReadAsync(Uploads.Utf8(Collection), null);

        Assert.Equal("EPSG:4326", result.DeclaredCrs);
    }

    [Fact]
    public async Task DeclaresTheCrsALegacyCrsMemberNames()
    {
        const string Utm = """
            {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32648"}},
             "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [376550.135, 1477231.131]}}]}
            """;

        var result = await Uploads.ReadAsync(Uploads.Utf8(Utm), "utm.geojson");

        Assert.Equal("EPSG:32648", result.DeclaredCrs);
        Assert.Equal(376550.135, ((Point)result.Features[0].Geometry!).X);
    }

    [Fact]
    public async Task AcceptsABareFeatureAsAnUploadOfOne()
    {
        const string Bare = """
            {"geometry": {"type": "Point", "coordinates": [102.5, 13.0]}, "properties": {"localId": "KHM-PLN-U009"}, "type": "Feature"}
            """;

        var result = await Uploads.ReadAsync(Uploads.Utf8(Bare), "one.json");

        var feature = Assert.Single(result.Features);
        Assert.Equal("KHM-PLN-U009", feature.Attributes["localId"]);
        Assert.IsType<Point>(feature.Geometry);
    }

    [Fact]
    public async Task ReadsACollectionWhoseTypeComesAfterItsFeatures()
    {
        const string Late = """{"features": [{"type": "Feature", "properties": {}, "geometry": null}], "bbox": [1, 2, 3, 4], "type": "FeatureCollection"}""";

        var result = await Uploads.ReadAsync(Uploads.Utf8(Late), "late.geojson");

        Assert.Single(result.Features);
    }
}
