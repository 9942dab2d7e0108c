using System.Text.Json;
using System.Text.RegularExpressions;

namespace LandRelease.Intake.GeoJson;

/// <summary>
/// RFC 7946 fixed GeoJSON to WGS 84 and dropped "crs", but GDAL and QGIS still write the 2008 form
/// ({"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32648"}}) for projected exports. Honouring it
/// beats reading UTM metres as degrees.
/// </summary>
internal static partial class LegacyCrs
{
    public const string Wgs84 = "EPSG:4326";

    public static string? Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("properties", out var properties)
                || properties.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return Normalise(name.GetString()!);
            }

            if (properties.TryGetProperty("code", out var code) && code.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                return $"EPSG:{code.ToString()}";
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Normalise(string name)
    {
        if (name.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return Wgs84;
        }

        var epsg = EpsgCode().Match(name);
        return epsg.Success ? $"EPSG:{epsg.Groups[1].Value}" : name;
    }

    // urn:ogc:def:crs:EPSG::32648, urn:ogc:def:crs:EPSG:6.6:32648, EPSG:32648, http://www.opengis.net/def/crs/EPSG/0/32648
    [GeneratedRegex(@"EPSG(?::[\d.]*:|:|/0/)(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgCode();
}
