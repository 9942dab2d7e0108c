using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.GeoJson;

/// <summary>Reads an RFC 7946 geometry, turning every way it can be malformed into a sentence.</summary>
internal static class GeoJsonGeometry
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)) },
    };

    public static bool TryRead(JsonElement element, out Geometry? geometry, out string error)
    {
        geometry = null;
        error = "";
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "The geometry must be a GeoJSON geometry object, e.g. {\"type\":\"Polygon\",\"coordinates\":[...]}.";
            return false;
        }

        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(element, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or FormatException or InvalidOperationException
                                      or IndexOutOfRangeException or NotSupportedException)
        {
            // NTS throws ArgumentException for an unclosed or too-short ring; say what it said.
            error = $"The geometry could not be read as GeoJSON: {e.Message}";
            return false;
        }

        if (geometry is null)
        {
            error = "The geometry is missing.";
            return false;
        }

        geometry.SRID = 4326;
        return true;
    }
}
