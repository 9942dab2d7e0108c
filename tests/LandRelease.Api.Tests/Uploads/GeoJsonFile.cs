using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>GeoJSON FeatureCollections built from <see cref="AreaRow"/>s, properties as the API names them.</summary>
public static class GeoJsonFile
{
    public static byte[] Of(IEnumerable<AreaRow> rows) => UploadApi.FeatureCollection([.. rows.Select(Feature)]);

    public static JsonObject Feature(AreaRow row) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = Polygon(row.Geometry),
        ["properties"] = new JsonObject
        {
            ["localId"] = row.LocalId,
            ["name"] = row.Name,
            ["classification"] = row.Classification,
            ["contamination"] = new JsonArray([.. row.Contamination.Split(';').Select(c => (JsonNode)c)]),
            ["status"] = row.Status,
            ["evidence"] = new JsonArray([.. row.Evidence.Split("; ").Select(e => (JsonNode)new JsonObject
            {
                ["kind"] = e[..e.IndexOf(':', StringComparison.Ordinal)],
                ["description"] = e[(e.IndexOf(':', StringComparison.Ordinal) + 2)..],
            })]),
            ["dateOfInformation"] = row.DateOfInformation,
            ["organisation"] = row.Organisation,
        },
    };

    public static JsonObject Polygon(Geometry polygon) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(new JsonArray([.. polygon.Coordinates.Select(c => (JsonNode)new JsonArray(c.X, c.Y))])),
    };
}
