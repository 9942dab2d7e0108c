using System.Globalization;
using System.Text.RegularExpressions;

namespace LandRelease.Domain.Coordinates;

/// <summary>Reading the ways a CRS is written: EPSG code forms, OGC URN and URI, CRS84, WKT 1 and 2.</summary>
internal static partial class CrsText
{
    /// <summary>"EPSG:3148", "urn:ogc:def:crs:EPSG::3148" (any version), "http://www.opengis.net/def/crs/EPSG/0/3148", "3148".</summary>
    public static int? EpsgCode(string text)
    {
        var match = EpsgForms().Match(text);
        return match.Success && int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }

    /// <summary>OGC CRS84, longitude/latitude on WGS 84, the GeoJSON default.</summary>
    public static bool IsCrs84(string text) => Crs84Forms().IsMatch(text);

    public static bool IsWkt1(string text) =>
        StartsWithKeyword(text, "PROJCS") || StartsWithKeyword(text, "GEOGCS");

    public static bool IsWkt(string text) =>
        IsWkt1(text) || Wkt2Keywords.Any(k => StartsWithKeyword(text, k));

    /// <summary>
    /// The EPSG code of the whole CRS: an AUTHORITY["EPSG","n"] (WKT 1) or ID["EPSG",n] (WKT 2) directly inside
    /// the outermost brackets. Codes nested deeper name its datum, ellipsoid or units.
    /// </summary>
    public static int? TopLevelEpsg(string wkt)
    {
        var depth = 0;
        var inQuotes = false;
        for (var i = 0; i < wkt.Length; i++)
        {
            var c = wkt[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '[' or '(')
            {
                depth++;
                if (depth == 2)
                {
                    var match = AuthorityClause().Match(wkt, KeywordStart(wkt, i));
                    if (match.Success && int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                    {
                        return code;
                    }
                }
            }
            else if (!inQuotes && c is ']' or ')')
            {
                depth--;
            }
        }

        return null;
    }

    private static readonly string[] Wkt2Keywords =
        ["PROJCRS", "PROJECTEDCRS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS", "BOUNDCRS", "COMPOUNDCRS", "COMPD_CS", "GEOCCS"];

    private static bool StartsWithKeyword(string text, string keyword) =>
        text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
        && text.AsSpan(keyword.Length).TrimStart() is ['[' or '(', ..];

    // Where the keyword before the bracket at `bracket` begins.
    private static int KeywordStart(string text, int bracket)
    {
        var start = bracket;
        while (start > 0 && (char.IsAsciiLetter(text[start - 1]) || char.IsWhiteSpace(text[start - 1])))
        {
            start--;
        }

        while (start < bracket && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    [GeneratedRegex(@"^\s*(?:EPSG\s*:\s*|urn:ogc:def:crs:EPSG:[0-9.]*:|https?://www\.opengis\.net/def/crs/EPSG/[0-9.]+/)?(?<code>[0-9]{1,9})\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EpsgForms();

    [GeneratedRegex(@"^\s*(?:(?:OGC\s*:\s*)?CRS\s*84|urn:ogc:def:crs:OGC:[0-9.]*:CRS84|https?://www\.opengis\.net/def/crs/OGC/[0-9.]+/CRS84)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Crs84Forms();

    [GeneratedRegex(@"\G(?:AUTHORITY|ID)\s*[\[(]\s*""EPSG""\s*,\s*""?(?<code>[0-9]{1,9})""?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityClause();
}
