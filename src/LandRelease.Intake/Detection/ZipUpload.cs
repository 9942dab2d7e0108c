using System.IO.Compression;
using LandRelease.Intake.Csv;
using LandRelease.Intake.GeoJson;
using LandRelease.Intake.GeoPackages;
using LandRelease.Intake.Kml;
using LandRelease.Intake.Shapefiles;

namespace LandRelease.Intake.Detection;

/// <summary>
/// A zip holds a shapefile (the usual case), or a GeoPackage, GeoJSON, KML (a KMZ is a zip with a .kml) or CSV.
/// Entries are chosen by extension; folders, macOS resource forks and hidden files are ignored.
/// </summary>
internal static class ZipUpload
{
    public static async Task<FeatureSource> OpenAsync(string zipPath, string workspace, IntakeOptions options, CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(Workspace.OpenRead(zipPath), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        try
        {
            var layers = ZipLayers.Find(archive);
            var chosen = ZipLayers.Choose(layers, options.Layer);
            var others = layers.Where(l => l != chosen).Select(l => l.Name).ToList();
            var source = await OpenLayerAsync(archive, chosen, others, workspace, options, ct);
            if (chosen.Kind is not (ZipLayerKind.Shapefile or ZipLayerKind.GeoPackage))
            {
                // The text formats stream straight out of the archive, so it lives as long as the source.
                source.Own(archive);
            }
            else
            {
                archive.Dispose();
            }

            return source;
        }
        catch (InvalidDataException e)
        {
            archive.Dispose();
            throw Corrupt(e);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    private static async Task<FeatureSource> OpenLayerAsync(
        ZipArchive archive, ZipLayer layer, List<string> others, string workspace, IntakeOptions options, CancellationToken ct)
    {
        switch (layer.Kind)
        {
            case ZipLayerKind.Shapefile:
                var parts = new Dictionary<string, string>();
                long budget = options.MaxExtractedBytes;
                foreach (var (extension, entry) in layer.Parts)
                {
                    string path = Path.Combine(workspace, "layer" + extension);
                    budget -= await ExtractAsync(entry, path, ZipEntryLimit.Of(entry, budget, options), ct);
                    parts[extension] = path;
                }

                return ShapefileSource.Open(parts, layer.Name, others, options);
            case ZipLayerKind.GeoPackage:
                string gpkg = Path.Combine(workspace, "layer.gpkg");
                var gpkgEntry = layer.Parts[".gpkg"];
                await ExtractAsync(gpkgEntry, gpkg, ZipEntryLimit.Of(gpkgEntry, options.MaxExtractedBytes, options), ct);
                return GeoPackageSource.Open(gpkg, options, others);
            case ZipLayerKind.GeoJson:
                return await GeoJsonSource.OpenAsync(Open(layer, options), options, ct);
            case ZipLayerKind.Kml:
                return await KmlSource.OpenAsync(Open(layer, options), layer.Name, options, ct);
            default:
                return await CsvSource.OpenAsync(Open(layer, options), options, ct);
        }
    }

    private static LimitedStream Open(ZipLayer layer, IntakeOptions options)
    {
        var entry = layer.Parts.Values.Single();
        return new LimitedStream(entry.Open(), ZipEntryLimit.Of(entry, options.MaxExtractedBytes, options), ZipEntryLimit.Describe(entry));
    }

    private static async Task<long> ExtractAsync(ZipArchiveEntry entry, string path, long limit, CancellationToken ct)
    {
        var stream = entry.Open();
        await using (stream)
        {
            await Workspace.CopyToFileAsync(stream, path, limit, ZipEntryLimit.Describe(entry), ct);
        }

        return new FileInfo(path).Length;
    }

    private static UploadFormatException Corrupt(InvalidDataException e) =>
        new(UploadFormatErrors.CorruptZip, $"The zip is damaged or cut short and cannot be opened: {e.Message}", e);
}
