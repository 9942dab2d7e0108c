using System.IO.Compression;
using LandRelease.Api.Tests.Ogc;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Files written by GDAL itself (ogr2ogr, installed by ./landrelease test), as a GIS user's export makes them.</summary>
public static class GdalFiles
{
    private const string Ogr2Ogr = "/usr/bin/ogr2ogr";

    /// <summary>GeoJSON through ogr2ogr to a GeoPackage, every option at GDAL's default.</summary>
    public static Task<byte[]> GeoPackageAsync(byte[] geoJson) =>
        ConvertAsync(geoJson, "hazards.gpkg", ["-f", "GPKG"], folder => File.ReadAllBytes(Path.Combine(folder, "hazards.gpkg")));

    /// <summary>
    /// GeoJSON through ogr2ogr to a zipped shapefile: field names cut to 10 characters, lists written as GDAL's
    /// (count:item,item) since a DBF column holds no list (QGIS and ArcGIS exports do the same).
    /// </summary>
    public static Task<byte[]> ShapefileZipAsync(byte[] geoJson) =>
        ConvertAsync(geoJson, "hazards.shp", ["-f", "ESRI Shapefile", "-mapFieldType", "StringList=String"], folder =>
            UploadFiles.Zip([.. Directory.GetFiles(folder, "hazards.*").Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))]));

    /// <summary>GeoJSON rewritten by GDAL with 9 decimals per coordinate, as QGIS and ogr2ogr round them on export.</summary>
    public static Task<byte[]> GeoJsonNineDecimalsAsync(byte[] geoJson) =>
        ConvertAsync(geoJson, "hazards.geojson", ["-f", "GeoJSON", "-lco", "COORDINATE_PRECISION=9"],
            folder => File.ReadAllBytes(Path.Combine(folder, "hazards.geojson")));

    private static async Task<byte[]> ConvertAsync(byte[] geoJson, string output, string[] format, Func<string, byte[]> read)
    {
        var folder = Directory.CreateTempSubdirectory("landrelease-gdal-");
        try
        {
            var input = Path.Combine(folder.FullName, "input.geojson");
            await File.WriteAllBytesAsync(input, geoJson, TestContext.Current.CancellationToken);
            await ExternalTool.RunAsync(Ogr2Ogr, [.. format, Path.Combine(folder.FullName, output), input]);
            return read(folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The field names of a zipped shapefile's DBF, as GDAL wrote them.</summary>
    public static string[] DbfFieldNames(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        using var dbf = new MemoryStream();
        archive.Entries.Single(e => e.Name.EndsWith(".dbf", StringComparison.OrdinalIgnoreCase)).Open().CopyTo(dbf);
        var bytes = dbf.ToArray();
        var names = new List<string>();
        for (var at = 32; bytes[at] != 0x0D; at += 32)
        {
            names.Add(System.Text.Encoding.ASCII.GetString(bytes, at, 11).TrimEnd('\0'));
        }

        return [.. names];
    }
}
