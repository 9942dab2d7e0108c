using System.Collections.Frozen;
using System.Globalization;

namespace LandRelease.Domain.Coordinates;

/// <summary>One coordinate system defined here: its datum, and its UTM zone when it is a grid.</summary>
internal sealed record CatalogueEntry(SupportedCrs Crs, KnownDatum Datum, int? Zone, bool North = true)
{
    /// <summary>OGC WKT 1 without TOWGS84: the shift comes from the deployment's table, never from here.</summary>
    public string Wkt
    {
        get
        {
            var e = Datum.Ellipsoid;
            var geographic = string.Create(CultureInfo.InvariantCulture,
                $"GEOGCS[\"{Datum.Name}\",DATUM[\"{Datum.Name}\",SPHEROID[\"{e.Name}\",{e.SemiMajor:R},{e.InverseFlattening:R}]]," +
                $"PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]");
            if (Zone is not { } zone)
            {
                return geographic;
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"PROJCS[\"{Crs.Name}\",{geographic},PROJECTION[\"Transverse_Mercator\"]," +
                $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{CentralMeridian(zone)}]," +
                $"PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000]," +
                $"PARAMETER[\"false_northing\",{(North ? 0 : 10_000_000)}],UNIT[\"metre\",1]]");
        }
    }

    public static int CentralMeridian(int zone) => zone * 6 - 183;
}

/// <summary>
/// The coordinate systems of the region's field data: WGS 84 (GPS) and its UTM zones, and the legacy national
/// grids (DOMAIN.md, "Where the geometry comes from"), each under its EPSG code, EPSG name and ArcGIS name.
/// </summary>
internal static class CrsCatalogue
{
    public static readonly IReadOnlyList<CatalogueEntry> Entries =
    [
        Geographic(4326, KnownDatums.Wgs84, "GCS_WGS_1984"),
        WgsUtm(47),
        WgsUtm(48),
        WgsUtm(49),
        Geographic(4131, KnownDatums.Indian1960, "GCS_Indian_1960"),
        Utm(3148, KnownDatums.Indian1960, 48, "Indian_1960_UTM_Zone_48N"),
        Utm(3149, KnownDatums.Indian1960, 49, "Indian_1960_UTM_Zone_49N"),
        Geographic(4240, KnownDatums.Indian1975, "GCS_Indian_1975"),
        Utm(24047, KnownDatums.Indian1975, 47, "Indian_1975_UTM_Zone_47N"),
        Utm(24048, KnownDatums.Indian1975, 48, "Indian_1975_UTM_Zone_48N"),
        Geographic(4678, KnownDatums.Lao1997, "GCS_Lao_1997"),
        // EPSG has no code for Lao 1997 on the UTM grid, nor ArcGIS a name; Lao maps use it all the same.
        Utm(null, KnownDatums.Lao1997, 47, null),
        Utm(null, KnownDatums.Lao1997, 48, null),
        Geographic(4756, KnownDatums.Vn2000, "GCS_VN_2000"),
        Utm(3405, KnownDatums.Vn2000, 48, "VN_2000_UTM_Zone_48N"),
        Utm(3406, KnownDatums.Vn2000, 49, "VN_2000_UTM_Zone_49N"),
    ];

    private static readonly FrozenDictionary<int, CatalogueEntry> ByCode = Entries
        .Where(e => e.Crs.Epsg is not null)
        .ToFrozenDictionary(e => e.Crs.Epsg!.Value);

    private static readonly FrozenDictionary<string, CatalogueEntry> ByName = Entries
        .SelectMany(e => new[] { e.Crs.Name, e.Crs.EsriName }.OfType<string>().Select(n => (Key: KnownDatums.Key(n), Entry: e)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Entry, StringComparer.Ordinal);

    /// <summary>A listed code, or any WGS 84 / UTM zone (EPSG:32601-32660 north, 32701-32760 south).</summary>
    public static CatalogueEntry? FindByCode(int epsg)
    {
        if (ByCode.TryGetValue(epsg, out var entry))
        {
            return entry;
        }

        var zone = epsg % 100;
        return epsg / 100 is 326 or 327 && zone is >= 1 and <= 60 ? WgsUtm(zone, north: epsg / 100 == 326) : null;
    }

    /// <summary>By EPSG or ArcGIS name, whatever the case and punctuation: "WGS_1984_UTM_Zone_48N", "Indian 1960 / UTM zone 48N".</summary>
    public static CatalogueEntry? FindByName(string name) => ByName.GetValueOrDefault(KnownDatums.Key(name));

    /// <summary>The listed entry with the same datum and grid, so an ArcGIS .prj is reported under its EPSG code.</summary>
    public static CatalogueEntry? FindEquivalent(KnownDatum datum, int? zone, bool north) =>
        Entries.FirstOrDefault(e => e.Datum == datum && e.Zone == zone && e.North == north)
        ?? (datum == KnownDatums.Wgs84 && zone is { } z ? WgsUtm(z, north) : null);

    private static CatalogueEntry Geographic(int epsg, KnownDatum datum, string esriName) =>
        new(new(epsg, datum.Name, esriName, datum.Name, null), datum, null);

    private static CatalogueEntry Utm(int? epsg, KnownDatum datum, int zone, string? esriName) =>
        new(new(epsg, $"{datum.Name} / UTM zone {zone}N", esriName, datum.Name, Coordinates.Utm.Label(zone, true)), datum, zone);

    private static CatalogueEntry WgsUtm(int zone, bool north = true)
    {
        var label = Coordinates.Utm.Label(zone, north);
        return new(new((north ? 32600 : 32700) + zone, $"WGS 84 / UTM zone {label}", $"WGS_1984_UTM_Zone_{label}", KnownDatums.Wgs84Name, label),
            KnownDatums.Wgs84, zone, north);
    }
}
