namespace LandRelease.Data.Ogc;

/// <summary>
/// A coordinate reference system features are written in: its SRID and whether its axes run latitude first
/// (EPSG:4326 as EPSG defines it) rather than longitude first (CRS84, as GeoJSON and the storage hold it).
/// </summary>
public sealed record OutputCrs(string Uri, int Srid, bool LatitudeFirst)
{
    public static readonly OutputCrs Crs84 = new("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, false);

    /// <summary>A geometry expression in this CRS from a stored WGS 84 column (longitude first).</summary>
    public string Geometry(string column) => (Srid, LatitudeFirst) switch
    {
        (4326, false) => column,
        (4326, true) => $"ST_FlipCoordinates({column})",
        _ => $"ST_Transform({column}, {Srid})",
    };

    /// <summary>Decimal places of coordinates: 9 for degrees (as PostGIS writes them), millimetres for metres.</summary>
    public int Decimals => Srid == 4326 ? 9 : 3;

    /// <summary>GeoJSON text of a stored geometry column, in this CRS; no "crs" member (the Content-Crs header says it).</summary>
    public string GeoJson(string column) => $"ST_AsGeoJSON({Geometry(column)}, {Decimals}, 0)";
}

/// <summary>A bounding box given in a CRS (bbox-crs): corner coordinates in that CRS's own axis order.</summary>
public sealed record BboxFilter(double X1, double Y1, double X2, double Y2, OutputCrs Crs);
