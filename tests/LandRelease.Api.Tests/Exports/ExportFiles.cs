using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>Downloads an export and reads it with GDAL's ogrinfo, as a GIS officer's tools would.</summary>
public static class ExportFiles
{
    public static readonly Dictionary<string, string> Extensions = new()
    {
        ["gpkg"] = "gpkg", ["shp"] = "zip", ["csv"] = "csv", ["xlsx"] = "xlsx",
    };

    public static readonly Dictionary<string, string> UploadTypes = new()
    {
        ["gpkg"] = "application/geopackage+sqlite3", ["shp"] = "application/zip", ["csv"] = "text/csv",
    };

    public static async Task<byte[]> DownloadAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    /// <summary>ogrinfo's summary (-so -al) of the file written to a temp folder; a zip is read through /vsizip/.</summary>
    public static async Task<string> OgrinfoAsync(byte[] file, string format)
    {
        var folder = Directory.CreateTempSubdirectory("landrelease-export-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "export." + Extensions[format]);
            await File.WriteAllBytesAsync(path, file, Ct);
            // A CSV's types are read from its values, as QGIS's "detect field types" does.
            string[] options = format switch
            {
                "shp" => ["/vsizip/" + path],
                "csv" => ["-oo", "AUTODETECT_TYPE=YES", path],
                _ => [path],
            };
            return await ExternalTool.RunAsync("/usr/bin/ogrinfo", ["-ro", "-so", "-al", .. options]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The "Feature Count: n" of each layer ogrinfo listed.</summary>
    public static int[] FeatureCounts(string ogrinfo) =>
        [.. ogrinfo.Split('\n').Where(l => l.StartsWith("Feature Count:", StringComparison.Ordinal))
            .Select(l => int.Parse(l["Feature Count:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))];
}
