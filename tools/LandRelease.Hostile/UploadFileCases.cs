using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace LandRelease.Hostile;

/// <summary>
/// Uploads whose file is hostile: a declared CRS built to make a WKT parser take quadratic time, files nested deep
/// enough to overflow a recursive reader, a zip entry that expands a thousand-fold, and request envelopes past the
/// server's line, header and boundary limits. Each once pinned a core, filled a disk or ended the process.
/// </summary>
public static class UploadFileCases
{
    private static HttpRequestMessage Form(byte[] file, string fileName, HostileTargets t, string? crs = null,
        string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(t.Country), "country" },
            { new StringContent(t.Organisation), "organisation" },
            { new StringContent("hazard-areas"), "kind" },
        };
        if (crs is not null)
        {
            form.Add(new StringContent(crs), "crs");
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, "file", fileName);
        return new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = form };
    }

    private static byte[] Zip(string entryName, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(entryName, CompressionLevel.SmallestSize).Open();
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static byte[] GeoJson(HostileTargets t) =>
        Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[" + Bodies.HazardArea(t).ToJsonString() + "]}");

    public static IEnumerable<HostileCase> Cases()
    {
        yield return new HostileCase("upload crs field of one 3,900-character WKT name", t =>
            Form(GeoJson(t), "areas.geojson", t, "PROJCS[\"" + new string('a', 3900) + "\"]", "application/geo+json"));
        yield return new HostileCase("upload crs field of WKT brackets 500 deep", t =>
            Form(GeoJson(t), "areas.geojson", t, "GEOGCS[" + Repeat("DATUM[", 500) + new string(']', 501), "application/geo+json"));
        yield return new HostileCase("upload of a zipped .prj holding a 5 MB WKT name", t =>
            Form(Zip("areas.prj", Encoding.ASCII.GetBytes("PROJCS[\"" + new string('a', 5 * 1024 * 1024) + "\"]")), "areas.zip", t));
        yield return new HostileCase("upload of a zip whose 100 MB .dbf compresses a thousand-fold", t =>
            Form(Zip("areas.dbf", new byte[100 * 1024 * 1024]), "areas.zip", t));
        yield return new HostileCase("upload of KML nested 100,000 MultiGeometry deep", t => Form(Encoding.UTF8.GetBytes(
            "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>deep</name>" + Repeat("<MultiGeometry>", 100_000)
            + Repeat("</MultiGeometry>", 100_000) + "</Placemark></Document></kml>"), "areas.kml", t, contentType: "application/vnd.google-earth.kml+xml"));
        yield return new HostileCase("upload of CSV whose WKT nests 100,000 geometry collections", t => Form(Encoding.UTF8.GetBytes(
            "local_id,wkt\nDEEP-1,\"" + Repeat("GEOMETRYCOLLECTION(", 100_000) + "POINT(102.6 13.1)" + new string(')', 100_000) + "\"\n"),
            "areas.csv", t, contentType: "text/csv"));
        yield return new HostileCase("upload with a 10,000-character multipart boundary", t =>
        {
            var boundary = new string('b', 10_000);
            var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"country\"\r\n\r\n{t.Country}\r\n--{boundary}--\r\n";
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = new StringContent(body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
            return request;
        });
        yield return new HostileCase("list with a 9 KB query string", _ => new HttpRequestMessage(HttpMethod.Get, "/api/hazard-areas?q=" + new string('q', 9 * 1024)));
        yield return new HostileCase("list with a 60 KB query string", _ => new HttpRequestMessage(HttpMethod.Get, "/api/hazard-areas?q=" + new string('q', 60 * 1024)));
        yield return new HostileCase("list with a 40 KB header", _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/hazard-areas");
            request.Headers.TryAddWithoutValidation("X-Padding", new string('p', 40 * 1024));
            return request;
        });
    }
}
