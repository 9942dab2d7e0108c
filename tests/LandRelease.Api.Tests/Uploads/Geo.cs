using System.Text.Json;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Distances between stored vertices and expected positions, computed independently of the code under test.</summary>
public static class Geo
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance (haversine on the mean sphere): within 0.5 % of the ellipsoid, ample for a 1 m bar.</summary>
    public static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(a));
    }

    /// <summary>Every vertex of a stored (MultiPolygon) feature, as (lon, lat).</summary>
    public static List<(double Lon, double Lat)> Vertices(JsonElement feature) =>
        [.. feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .SelectMany(polygon => polygon.EnumerateArray())
            .SelectMany(ring => ring.EnumerateArray())
            .Select(p => (p[0].GetDouble(), p[1].GetDouble()))];

    /// <summary>How far the stored vertex nearest to (lon, lat) lies from it.</summary>
    public static double NearestVertexMetres(JsonElement feature, double lon, double lat) =>
        Vertices(feature).Min(v => Metres(v.Lon, v.Lat, lon, lat));

    /// <summary>Asserts every expected position has a stored vertex within the tolerance, saying which one did not.</summary>
    public static void AssertVerticesNear(JsonElement feature, IEnumerable<(double Lon, double Lat)> expected, double toleranceMetres)
    {
        foreach (var (lon, lat) in expected)
        {
            var metres = NearestVertexMetres(feature, lon, lat);
            Assert.True(metres <= toleranceMetres,
                $"No stored vertex within {toleranceMetres} m of ({lon}, {lat}); the nearest is {metres:0.###} m away.");
        }
    }
}
