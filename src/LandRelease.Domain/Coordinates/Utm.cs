using System.Collections.Concurrent;
using System.Globalization;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace LandRelease.Domain.Coordinates;

/// <summary>
/// WGS 84 longitude/latitude to WGS 84 / UTM (EPSG:326zz north, 327zz south), the grid field teams read
/// off their GPS and the 1:50k maps. Zones are the regular 6° bands: the Norway and Svalbard exceptions
/// lie far from any country this system serves.
/// </summary>
public static class Utm
{
    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    private static readonly CoordinateSystemFactory Systems = new();
    private static readonly CoordinateTransformationFactory Transformations = new();
    private static readonly GeographicCoordinateSystem Wgs84 = (GeographicCoordinateSystem)Systems.CreateFromWkt(Wgs84Wkt);

    // One transform per EPSG code, built once. Sharing is safe: WGS 84 to a UTM zone on the same datum is a
    // bare ProjNet MapProjection, whose forward Transform reads only readonly fields (ProjNet 2.0 source).
    // A cached transform must never be Invert()ed, which mutates it in place.
    private static readonly ConcurrentDictionary<int, Lazy<MathTransform>> Cache = new();

    /// <summary>The UTM zone (1 to 60) whose 6° band holds the longitude; 180° belongs to zone 60.</summary>
    public static int ZoneOf(double lon)
    {
        if (!double.IsFinite(lon) || lon < -180 || lon > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(lon), lon, "Longitude is between -180 and 180 degrees.");
        }

        return Math.Min((int)Math.Floor((lon + 180) / 6) + 1, 60);
    }

    /// <summary>The northern zones start at the equator (false northing 0); south of it, 10 000 km.</summary>
    public static bool IsNorth(double lat)
    {
        if (!double.IsFinite(lat) || lat < -90 || lat > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(lat), lat, "Latitude is between -90 and 90 degrees.");
        }

        return lat >= 0;
    }

    /// <summary>EPSG code of the WGS 84 / UTM zone holding the point: 326zz north, 327zz south.</summary>
    public static int EpsgOf(double lon, double lat) => (IsNorth(lat) ? 32600 : 32700) + ZoneOf(lon);

    /// <summary>The "48N" a surveyor writes beside a UTM coordinate.</summary>
    public static string Label(int zone, bool north) =>
        zone.ToString(CultureInfo.InvariantCulture) + (north ? "N" : "S");

    /// <summary>
    /// Easting and northing in metres of a WGS 84 point in the given zone. The zone need not be the point's
    /// own: a polygon near a zone edge is drawn and tabulated in one zone, that of its centroid.
    /// </summary>
    public static (double Easting, double Northing) FromWgs84(double lon, double lat, int zone, bool north)
    {
        if (zone is < 1 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(zone), zone, "A UTM zone is 1 to 60.");
        }

        if (!double.IsFinite(lon) || !double.IsFinite(lat) || lat < -90 || lat > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(lat), $"({lon}, {lat}) is not a WGS 84 longitude/latitude.");
        }

        var epsg = (north ? 32600 : 32700) + zone;
        var transform = Cache.GetOrAdd(epsg, key => new Lazy<MathTransform>(() => Create(key))).Value;
        var (easting, northing) = transform.Transform(lon, lat);
        return (easting, northing);
    }

    private static MathTransform Create(int epsg)
    {
        var zone = epsg % 100;
        var north = epsg < 32700;
        var centralMeridian = zone * 6 - 183;
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"WGS 84 / UTM zone {Label(zone, north)}\",{Wgs84Wkt},PROJECTION[\"Transverse_Mercator\"]," +
            $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{centralMeridian}]," +
            $"PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000]," +
            $"PARAMETER[\"false_northing\",{(north ? 0 : 10_000_000)}],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]," +
            $"AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
        var utm = (ProjectedCoordinateSystem)Systems.CreateFromWkt(wkt);
        return Transformations.CreateFromCoordinateSystems(Wgs84, utm).MathTransform;
    }
}
