using System.Collections.Frozen;

namespace LandRelease.Domain.Coordinates;

/// <summary>A geodetic datum LandRelease recognises by name or EPSG datum code, with the ellipsoid it must sit on.</summary>
internal sealed record KnownDatum(string Name, int EpsgDatumCode, Ellipsoid Ellipsoid, params string[] Aliases);

/// <summary>
/// The datums of the region's legacy maps, with the spellings that EPSG, GDAL and ArcGIS give them
/// (an ArcGIS .prj says D_Indian_1960 or D_Vietnam_2000 and carries no EPSG code).
/// </summary>
internal static class KnownDatums
{
    public const string Wgs84Name = "WGS 84";

    public static readonly KnownDatum Wgs84 = new(Wgs84Name, 6326, Ellipsoid.Wgs84, "WGS 1984", "World Geodetic System 1984");
    public static readonly KnownDatum Indian1960 = new("Indian 1960", 6131, Ellipsoid.Everest1937);
    public static readonly KnownDatum Indian1975 = new("Indian 1975", 6240, Ellipsoid.Everest1937);
    public static readonly KnownDatum Lao1997 = new("Lao 1997", 6678, Ellipsoid.Krassowsky1940,
        "Lao National Datum 1997");
    public static readonly KnownDatum Vn2000 = new("VN-2000", 6756, Ellipsoid.Wgs84, "Vietnam 2000");

    private static readonly KnownDatum[] All = [Wgs84, Indian1960, Indian1975, Lao1997, Vn2000];

    private static readonly FrozenDictionary<string, KnownDatum> ByKey = All
        .SelectMany(d => d.Aliases.Append(d.Name).Select(alias => (Key: Key(alias), Datum: d)))
        .DistinctBy(p => p.Key)
        .ToFrozenDictionary(p => p.Key, p => p.Datum, StringComparer.Ordinal);

    private static readonly FrozenDictionary<int, KnownDatum> ByCode = All.ToFrozenDictionary(d => d.EpsgDatumCode);

    public static KnownDatum? Find(string? name, long epsgDatumCode)
    {
        if (epsgDatumCode is > 0 and < int.MaxValue && ByCode.TryGetValue((int)epsgDatumCode, out var byCode))
        {
            return byCode;
        }

        return name is not null && ByKey.TryGetValue(Key(name), out var byName) ? byName : null;
    }

    /// <summary>
    /// The name a shift is filed under: a known datum's own name whatever the spelling ("D_Indian_1960",
    /// "indian 1960"), otherwise the name as given, trimmed.
    /// </summary>
    public static string CanonicalName(string name) => Find(name, -1)?.Name ?? name.Trim();

    /// <summary>Lower case letters and digits only, without ArcGIS's "D_" prefix: "D_Vietnam_2000" -> "vietnam2000".</summary>
    public static string Key(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.StartsWith("D_", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[2..];
        }

        return new string(trimmed.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
    }
}
