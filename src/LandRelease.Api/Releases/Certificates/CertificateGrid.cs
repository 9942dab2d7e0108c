using LandRelease.Domain.Coordinates;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>A vertex of the released land: its label, WGS 84 lat/lon and UTM easting/northing.</summary>
public sealed record TurningPoint(string Label, double Lat, double Lon, double Easting, double Northing);

/// <summary>One ring of the released land. Holes are land inside the polygon that is not released.</summary>
public sealed record GridRing(int Polygon, int Hole, IReadOnlyList<TurningPoint> Points)
{
    public bool IsExterior => Hole == 0;
}

/// <summary>
/// The decision's rings in one UTM zone, that of the geometry's centroid, so that a polygon straddling a zone
/// edge is tabulated and drawn in one consistent grid (as a surveyor would plot it on one map sheet).
/// </summary>
public sealed record CertificateGrid(int Zone, bool North, IReadOnlyList<GridRing> Rings)
{
    public string ZoneLabel => Utm.Label(Zone, North);

    public int Epsg => (North ? 32600 : 32700) + Zone;

    public bool IsMulti => Rings.Any(r => r.Polygon > 1);

    public static CertificateGrid Of(MultiPolygon geometry)
    {
        var centroid = geometry.Centroid;
        var zone = Utm.ZoneOf(centroid.X);
        var north = Utm.IsNorth(centroid.Y);
        var multi = geometry.NumGeometries > 1;
        var rings = new List<GridRing>();
        for (var p = 0; p < geometry.NumGeometries; p++)
        {
            var polygon = (Polygon)geometry.GetGeometryN(p);
            var prefix = multi ? $"P{p + 1}-" : "";
            rings.Add(new GridRing(p + 1, 0, Points(polygon.ExteriorRing, $"{prefix}TP", zone, north)));
            for (var h = 0; h < polygon.NumInteriorRings; h++)
            {
                rings.Add(new GridRing(p + 1, h + 1, Points(polygon.GetInteriorRingN(h), $"{prefix}H{h + 1}.", zone, north)));
            }
        }

        return new CertificateGrid(zone, north, rings);
    }

    // A ring repeats its first vertex to close; a turning point is listed once.
    private static TurningPoint[] Points(LineString ring, string prefix, int zone, bool north) =>
        [.. ring.Coordinates.Take(ring.NumPoints - 1).Select((c, i) =>
        {
            var (easting, northing) = Utm.FromWgs84(c.X, c.Y, zone, north);
            return new TurningPoint($"{prefix}{i + 1}", c.Y, c.X, easting, northing);
        })];
}
