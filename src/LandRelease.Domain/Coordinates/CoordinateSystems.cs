using System.Collections.Concurrent;

namespace LandRelease.Domain.Coordinates;

/// <summary>
/// The one owner of every CRS definition, datum shift and ESRI/EPSG name mapping. Resolves a CRS as written
/// in a request or a file (EPSG code, OGC URN or URI, CRS84, OGC or ArcGIS WKT, an EPSG or ArcGIS name) to a
/// transform to and from WGS 84. Register one instance per deployment: transforms are built once per CRS and
/// shared, and every member is safe to call from parallel threads.
/// </summary>
public sealed class CoordinateSystems
{
    // WKT texts are remembered only up to this many: the transforms of a few .prj files are worth keeping,
    // an unbounded cache fed by uploads is not.
    private const int MaxRememberedTexts = 256;

    private readonly ConcurrentDictionary<string, Lazy<CrsResolution>> _catalogue = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CrsResolution> _texts = new(StringComparer.Ordinal);

    public CoordinateSystems(DatumShiftTable shifts)
    {
        Shifts = shifts;
        Wgs84 = FromCatalogue(CrsCatalogue.FindByCode(4326)!).Transform!;
    }

    public CoordinateSystems()
        : this(DatumShiftTable.Default)
    {
    }

    public DatumShiftTable Shifts { get; }

    /// <summary>EPSG:4326, longitude/latitude: the identity transform.</summary>
    public CrsTransform Wgs84 { get; }

    /// <summary>
    /// The coordinate systems defined here, for documentation. Besides these, every WGS 84 / UTM zone
    /// (EPSG:32601-32660, 32701-32760) resolves, and so does a WKT that defines its own projection on a datum
    /// with a known shift.
    /// </summary>
    public static IReadOnlyList<SupportedCrs> Supported { get; } = CrsCatalogue.Entries.Select(e => e.Crs).ToArray();

    public CrsResolution Resolve(string? crs)
    {
        if (string.IsNullOrWhiteSpace(crs))
        {
            return CrsResolution.Fail(CrsFailureCodes.Missing, "No coordinate system was given: send an EPSG code (e.g. EPSG:32648) or the WKT of a .prj file.");
        }

        var text = crs.Trim().TrimStart('\uFEFF');
        if (text.Length > WktShape.MaxLength || (CrsText.IsWkt(text) && WktShape.Problem(text) is not null))
        {
            return CrsResolution.Fail(CrsFailureCodes.Invalid,
                $"The coordinate system cannot be read: {WktShape.Problem(text)}: {Abbreviate(text)}");
        }

        if (CrsText.IsCrs84(text))
        {
            return FromCatalogue(CrsCatalogue.FindByCode(4326)!);
        }

        if (CrsText.EpsgCode(text) is { } code)
        {
            return CrsCatalogue.FindByCode(code) is { } entry
                ? FromCatalogue(entry)
                : CrsResolution.Fail(CrsFailureCodes.Unknown, $"EPSG:{code} is not a coordinate system LandRelease converts. {SupportedSentence}");
        }

        if (CrsText.IsWkt(text))
        {
            // A listed code wins over the file's own parameters, so that one CRS converts alike in every upload;
            // but a file whose TOWGS84 supplies a shift the table lacks is still read for it.
            if (CrsText.TopLevelEpsg(text) is { } wktCode && CrsCatalogue.FindByCode(wktCode) is { } coded
                && FromCatalogue(coded) is var listed
                && (listed.Succeeded || listed.Failure.Code != CrsFailureCodes.DatumShiftMissing || !CrsText.IsWkt1(text)))
            {
                return listed;
            }

            return CrsText.IsWkt1(text)
                ? FromWkt(text)
                : CrsResolution.Fail(CrsFailureCodes.Unsupported,
                    $"WKT 2 is read only when it carries the EPSG code of a supported CRS; this one does not: {Abbreviate(text)}. " +
                    "Send the EPSG code, or the CRS as WKT 1 (a shapefile's .prj).");
        }

        return CrsCatalogue.FindByName(text) is { } named
            ? FromCatalogue(named)
            : CrsResolution.Fail(CrsFailureCodes.Unknown, $"'{Abbreviate(text)}' is not a coordinate system LandRelease knows. {SupportedSentence}");
    }

    /// <summary>By EPSG code, as a GeoPackage's srs_id or a shapefile reader gives it.</summary>
    public CrsResolution Resolve(int epsg) => Resolve(epsg.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>OGC WKT 1 or 2 (starts with PROJCS[, GEOGCS[, PROJCRS[ ...), as opposed to a code or a name.</summary>
    public static bool LooksLikeWkt(string? text) => text is not null && CrsText.IsWkt(text.Trim().TrimStart('\uFEFF'));

    /// <summary>
    /// WKT 1 as ArcGIS writes it in a .prj: no AUTHORITY clause anywhere, and ArcGIS's GCS_ / D_ naming
    /// (so the datum is known only by name, and its shift must come from the table).
    /// </summary>
    public static bool LooksLikeEsriWkt(string? text)
    {
        if (text is null || !CrsText.IsWkt1(text.Trim().TrimStart('\uFEFF')))
        {
            return false;
        }

        return !text.Contains("AUTHORITY[", StringComparison.OrdinalIgnoreCase)
            && (text.Contains("GEOGCS[\"GCS_", StringComparison.OrdinalIgnoreCase) || text.Contains("DATUM[\"D_", StringComparison.OrdinalIgnoreCase));
    }

    private static string SupportedSentence =>
        "Supported: " + string.Join(", ", Supported.Select(s => s.Identifier)) +
        ", any WGS 84 / UTM zone (EPSG:326zz, 327zz), or the WKT of a .prj file on one of their datums.";

    private CrsResolution FromCatalogue(CatalogueEntry entry) =>
        _catalogue.GetOrAdd(entry.Crs.Identifier, _ => new Lazy<CrsResolution>(() => CrsBuilder.FromCatalogue(entry, Shifts))).Value;

    private CrsResolution FromWkt(string wkt)
    {
        if (_texts.TryGetValue(wkt, out var known))
        {
            return known;
        }

        var resolution = CrsBuilder.FromWkt(wkt, Shifts);
        if (_texts.Count < MaxRememberedTexts)
        {
            _texts.TryAdd(wkt, resolution);
        }

        return resolution;
    }

    private static string Abbreviate(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
