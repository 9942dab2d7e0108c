using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;

namespace LandRelease.Web.Register;

/// <summary>A multipolygon as GeoJSON geometry text for the page's map (lon/lat as stored, WGS 84).</summary>
public static class GeoJsonText
{
    public static string Of(MultiPolygon geometry)
    {
        var json = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
        json.AppendJoin(',', geometry.Geometries.Cast<Polygon>().Select(Polygon));
        return json.Append("]}").ToString();
    }

    private static string Polygon(Polygon polygon) =>
        "[" + string.Join(',', new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings).Select(Ring)) + "]";

    private static string Ring(LineString ring) =>
        "[" + string.Join(',', ring.Coordinates.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.X:R},{c.Y:R}]"))) + "]";
}
