using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Sends uploads the two ways a client can (raw body with query parameters, or a multipart form) and reads their reports.</summary>
public static class UploadApi
{
    public const string KhmCmac = "country=KHM&organisation=CMAC&kind=hazard-areas";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> UploadRawAsync(this HttpClient client, byte[] file, string query,
        string contentType = "application/geo+json", string? idempotencyKey = null) =>
        client.UploadRawAsync(new ByteArrayContent(file), query, contentType, idempotencyKey);

    public static Task<HttpResponseMessage> UploadRawAsync(this HttpClient client, HttpContent content, string query,
        string contentType = "application/geo+json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/uploads?{query}") { Content = content };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> UploadFormAsync(this HttpClient client, byte[] file, string fileName,
        IReadOnlyDictionary<string, string> fields, string? idempotencyKey = null, string contentType = "application/octet-stream")
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(part, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/uploads") { Content = form };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request, Ct);
    }

    /// <summary>
    /// A client straight onto the TestServer, acting as CreateClient()'s user: the factory's own client buffers a
    /// request body whole before sending it (to replay it on a redirect), which would hide a body still arriving.
    /// </summary>
    public static HttpClient StreamingClient(this ApiFactory api)
    {
        var client = api.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            api.Token([Roles.Admin, Roles.NationalAuthority], ApiFactory.AllCountries, "CMAA"));
        return client;
    }

    public static Dictionary<string, string> KhmCmacFields(params (string Name, string Value)[] more)
    {
        var fields = new Dictionary<string, string> { ["country"] = "KHM", ["organisation"] = "CMAC", ["kind"] = "hazard-areas" };
        foreach (var (name, value) in more)
        {
            fields[name] = value;
        }

        return fields;
    }

    public static byte[] FeatureCollection(params JsonObject[] features) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) }.ToJsonString());

    /// <summary>Asserts 202 with a Location, then polls the upload until it is DONE or FAILED and returns its report.</summary>
    public static async Task<JsonElement> AcceptedAndFinishedAsync(this HttpClient client, HttpResponseMessage response, string query = "")
    {
        var body = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/uploads/{id}", response.Headers.Location?.OriginalString);
        return await client.WaitForAsync(id, query);
    }

    /// <summary>Polls the upload until it is DONE or FAILED.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient client, Guid uploadId, string query = "", int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var status = await client.UploadStatusAsync(uploadId, query);
            if (status.State() is "DONE" or "FAILED")
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Upload {uploadId} did not finish: {status}");
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>Waits (up to 30 s) until the condition holds, e.g. until the server has recorded an upload still arriving.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the server.");
            await Task.Delay(50, Ct);
        }
    }

    public static async Task<JsonElement> UploadStatusAsync(this HttpClient client, Guid uploadId, string query = "")
    {
        var response = await client.GetAsync($"/api/uploads/{uploadId}?{query}", Ct);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Every line of the report, following the next links page by page.</summary>
    public static async Task<List<JsonElement>> WholeReportAsync(this HttpClient client, Guid uploadId)
    {
        var lines = new List<JsonElement>();
        string? next = $"/api/uploads/{uploadId}?limit=1000";
        while (next is not null)
        {
            var page = await (await client.GetAsync(next, Ct)).AssertJsonAsync(HttpStatusCode.OK);
            lines.AddRange(page.Lines());
            next = page.GetProperty("next").GetString();
        }

        return lines;
    }

    public static Guid Id(this JsonElement status) => status.GetProperty("id").GetGuid();

    public static string? State(this JsonElement status) => status.GetProperty("state").GetString();

    public static int Count(this JsonElement status, string name) => status.GetProperty(name).GetInt32();

    public static List<JsonElement> Lines(this JsonElement status) => [.. status.GetProperty("features").EnumerateArray()];

    public static JsonElement Line(this JsonElement status, int index) =>
        status.Lines().Single(l => l.GetProperty("index").GetInt32() == index);

    public static string? Outcome(this JsonElement line) => line.GetProperty("outcome").GetString();

    public static string? Rule(this JsonElement line) => line.GetProperty("rule").GetString();

    public static Guid RecordId(this JsonElement line) => line.GetProperty("id").GetGuid();

    /// <summary>Rules of a line's violations, or of its warnings.</summary>
    public static string[] Rules(this JsonElement line, string member = "violations") =>
        line.GetProperty(member) is { ValueKind: JsonValueKind.Array } items
            ? [.. items.EnumerateArray().Select(i => i.GetProperty("rule").GetString()!)]
            : [];

    public static JsonElement Violation(this JsonElement line, string rule) =>
        line.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == rule);

    /// <summary>The code of an upload's refusal (ProblemDetails extension "code").</summary>
    public static string? Code(this JsonElement problem) => problem.GetProperty("code").GetString();
}
