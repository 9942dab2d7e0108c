using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Uploads;

/// <summary>NetTopologySuite geometries to and from GeoJSON nodes, for geometries carried inside properties.</summary>
internal static class GeoJsonNodes
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)) },
    };

    public static JsonNode? From(Geometry geometry) => JsonSerializer.SerializeToNode(geometry, Options);

    public static Geometry? Read(JsonObject node)
    {
        try
        {
            return node.Deserialize<Geometry>(Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Left as it is: the activity register names what is wrong with it.
            return null;
        }
    }
}
