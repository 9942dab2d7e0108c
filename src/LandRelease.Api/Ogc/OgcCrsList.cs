using LandRelease.Data.Ogc;

namespace LandRelease.Api.Ogc;

/// <summary>
/// The CRSs features may be asked in (OGC API - Features Part 2): CRS84 as stored, EPSG:4326 with its
/// latitude-first axis order, and the WGS 84 / UTM zones that cover the ASEAN states (46N to 51N).
/// </summary>
internal static class OgcCrsList
{
    private const string EpsgPrefix = "http://www.opengis.net/def/crs/EPSG/0/";

    public static readonly IReadOnlyList<OutputCrs> Supported =
    [
        OutputCrs.Crs84,
        new(EpsgPrefix + "4326", 4326, true),
        .. Enumerable.Range(32646, 6).Select(srid => new OutputCrs(EpsgPrefix + srid, srid, false)),
    ];

    public static IEnumerable<string> Uris => Supported.Select(c => c.Uri);

    /// <summary>The CRS a URI names (http or https, as the OGC register writes it); null when not supported.</summary>
    public static OutputCrs? Find(string uri)
    {
        var wanted = uri.Trim();
        if (wanted.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            wanted = "http://" + wanted["https://".Length..];
        }

        return Supported.FirstOrDefault(c => string.Equals(c.Uri, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static string Unsupported(string name, string value) =>
        $"{name} '{value}' is not a CRS this server writes; use one of {string.Join(", ", Uris)}.";
}
