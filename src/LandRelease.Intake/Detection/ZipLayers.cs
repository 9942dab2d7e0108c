using System.IO.Compression;

namespace LandRelease.Intake.Detection;

internal enum ZipLayerKind
{
    Shapefile,
    GeoPackage,
    GeoJson,
    Kml,
    Csv,
}

/// <param name="Name">The shapefile's name without extension, or the entry's file name.</param>
/// <param name="Parts">Entries by lower-case extension (".shp", ".dbf"...).</param>
internal sealed record ZipLayer(string Name, ZipLayerKind Kind, IReadOnlyDictionary<string, ZipArchiveEntry> Parts);

/// <summary>Finds what a zip holds that can be read, shapefiles first, each in entry order.</summary>
internal static class ZipLayers
{
    private static readonly string[] ShapefileParts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];
    private static readonly string[] RequiredParts = [".shp", ".shx", ".dbf"];

    public static List<ZipLayer> Find(ZipArchive archive)
    {
        var entries = archive.Entries.Where(IsData).ToList();
        var layers = new List<ZipLayer>();
        var shapefiles = entries
            .Where(e => ShapefileParts.Contains(Extension(e)))
            .GroupBy(e => e.FullName[..^Extension(e).Length], StringComparer.OrdinalIgnoreCase);
        foreach (var group in shapefiles)
        {
            var parts = group.GroupBy(Extension).ToDictionary(g => g.Key, g => g.First());
            string name = Path.GetFileName(group.Key);
            if (!parts.ContainsKey(".shp") && !parts.ContainsKey(".dbf"))
            {
                continue;
            }

            var missing = RequiredParts.Where(p => !parts.ContainsKey(p)).ToList();
            if (missing.Count > 0)
            {
                throw new UploadFormatException(
                    UploadFormatErrors.IncompleteShapefile,
                    $"The zip holds the shapefile '{name}' without {string.Join(" or ", missing.Select(m => name + m))}: a shapefile "
                    + "needs its .shp (shapes), .shx (index) and .dbf (attributes), and its .prj to say its CRS.");
            }

            layers.Add(new ZipLayer(name, ZipLayerKind.Shapefile, parts));
        }

        foreach (var (kind, extensions) in new[]
                 {
                     (ZipLayerKind.GeoPackage, new[] { ".gpkg" }),
                     (ZipLayerKind.GeoJson, [".geojson", ".json"]),
                     (ZipLayerKind.Kml, [".kml"]),
                     (ZipLayerKind.Csv, [".csv"]),
                 })
        {
            layers.AddRange(entries
                .Where(e => extensions.Contains(Extension(e)))
                .Select(e => new ZipLayer(e.Name, kind, new Dictionary<string, ZipArchiveEntry> { [Extension(e)] = e })));
        }

        if (layers.Count == 0)
        {
            string held = entries.Count == 0 ? "nothing" : string.Join(", ", entries.Take(10).Select(e => e.FullName));
            throw new UploadFormatException(
                UploadFormatErrors.ZipWithoutData,
                $"The zip holds no shapefile (.shp with .shx and .dbf), GeoPackage, GeoJSON, KML or CSV; it holds {held}.");
        }

        return layers;
    }

    public static ZipLayer Choose(List<ZipLayer> layers, string? wanted)
    {
        if (wanted is null)
        {
            return layers[0];
        }

        return layers.FirstOrDefault(l => string.Equals(l.Name, wanted, StringComparison.OrdinalIgnoreCase)
                                          || string.Equals(Path.GetFileNameWithoutExtension(l.Name), wanted, StringComparison.OrdinalIgnoreCase))
               ?? throw new UploadFormatException(
                   UploadFormatErrors.LayerNotFound,
                   $"The zip has no layer '{wanted}'; it has {string.Join(", ", layers.Select(l => l.Name))}.");
    }

    private static bool IsData(ZipArchiveEntry entry) =>
        entry.Name.Length > 0
        && !entry.Name.StartsWith('.')
        && !entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal);

    private static string Extension(ZipArchiveEntry entry) => Path.GetExtension(entry.Name).ToLowerInvariant();
}
