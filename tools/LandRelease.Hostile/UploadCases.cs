using System.Net.Http.Headers;
using System.Text;

namespace LandRelease.Hostile;

/// <summary>
/// Uploads whose envelope is hostile: form fields, file names and keys PostgreSQL cannot store, missing parts, files
/// that are nothing. (Hostile file contents, such as zip bombs or huge .prj files, belong in a file of their own.)
/// </summary>
public static class UploadCases
{
    private static byte[] OneArea(HostileTargets t, string name = "Hostile upload") => Encoding.UTF8.GetBytes(
        "{\"type\":\"FeatureCollection\",\"features\":[" + Bodies.Spoil(Bodies.HazardArea(t), "properties.name", Bodies.JsonString(name)) + "]}");

    /// <summary>A multipart form; the file name goes into the header as RFC 5987 <c>filename*</c>, so any character can be sent.</summary>
    private static HttpRequestMessage Form(byte[] file, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
        form.Add(part);
        return new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = form };
    }

    private static HttpRequestMessage Raw(byte[] file, string query, string contentType = "application/geo+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/uploads?{query}") { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    private static string Query(HostileTargets t) => $"country={t.Country}&organisation={t.Organisation}&kind=hazard-areas";

    public static IEnumerable<HostileCase> Cases()
    {
        foreach (var field in new[] { "country", "organisation", "kind", "crs", "layer", "atomic" })
        {
            yield return new HostileCase($"upload form field {field} with NUL", t => Form(OneArea(t), "areas.geojson",
                [.. new[] { ("country", t.Country), ("organisation", t.Organisation), ("kind", "hazard-areas") }.Where(f => f.Item1 != field),
                    (field, "K\0M")]));
        }

        yield return new HostileCase("upload file name with NUL", t => Form(OneArea(t), "areas\0.geojson",
            ("country", t.Country), ("organisation", t.Organisation), ("kind", "hazard-areas")));
        yield return new HostileCase("upload form without fields", t => Form(OneArea(t), "areas.geojson"));
        yield return new HostileCase("upload form without a file", t => new HttpRequestMessage(HttpMethod.Post, "/api/uploads")
        {
            Content = new MultipartFormDataContent { { new StringContent(t.Country), "country" } },
        });
        yield return new HostileCase("upload empty file", t => Raw([], Query(t)));
        yield return new HostileCase("upload of random bytes", t => Raw([.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], Query(t),
            "application/octet-stream"));
        yield return new HostileCase("upload with an unknown kind", t => Raw(OneArea(t), $"country={t.Country}&organisation={t.Organisation}&kind=%00x"));
        yield return new HostileCase("upload with a 300 character Idempotency-Key", t =>
        {
            var request = Raw(OneArea(t), Query(t));
            request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300));
            return request;
        });
        yield return new HostileCase("upload of an area whose name holds NUL", t => Raw(OneArea(t, "bad\0name"), Query(t)));
        yield return new HostileCase("upload of an area dated year one", t => Raw(Encoding.UTF8.GetBytes(
            "{\"type\":\"FeatureCollection\",\"features\":[" + Bodies.Spoil(Bodies.HazardArea(t), "properties.dateOfInformation", "\"0001-01-01\"") + "]}"),
            Query(t)));
        yield return new HostileCase("upload of activities whose name holds NUL", t => Raw(OneArea(t, "bad\0name"),
            $"country={t.Country}&organisation={t.Organisation}&kind=activities"));
    }
}
