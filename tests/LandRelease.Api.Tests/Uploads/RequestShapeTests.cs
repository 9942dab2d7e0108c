using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// Requests whose shape is hostile (a boundary of thousands of characters, a query string or headers of tens of KB,
/// uploads broken off in the middle of their COPY), on Kestrel: each a ProblemDetails, and the server fine after.
/// </summary>
public sealed class RequestShapeTests(KestrelUploadFactory api) : IClassFixture<KestrelUploadFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.PlainClient();

    public async ValueTask InitializeAsync() => await api.CreateClient().EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] Areas(string batch, int count) => GeoJsonFile.Of(Enumerable.Range(0, count)
        .Select(i => new AreaRow($"{batch}-{i:0000}", UploadFiles.Square(102.9 + i % 50 * 0.004, 13.5 + i / 50 * 0.004, 0.002))));

    /// <summary>A multipart form written by hand, so that its boundary can be anything.</summary>
    private static ByteArrayContent Form(string boundary, byte[] file)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in KhmCmacFields())
        {
            text.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        text.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.geojson\"\r\n\r\n");
        var content = new ByteArrayContent([.. Encoding.ASCII.GetBytes(text.ToString()), .. file, .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")]);
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.AssertProblemAsync(status);
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() : problem.GetRawText();
    }

    [Fact]
    public async Task AMultipartBoundaryOfTenThousandCharactersIsA400NamingTheLimit()
    {
        var batch = UploadDatabase.NewBatch("SHAPE-BND");

        using var response = await _client.PostAsync("/api/uploads", Form(new string('b', 10_000), Areas(batch, 1)), Ct);

        Assert.Contains("at most 70", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(0L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task AMultipartBoundaryOfSeventyCharactersIsRead()
    {
        var batch = UploadDatabase.NewBatch("SHAPE-B70");

        using var response = await _client.PostAsync("/api/uploads", Form(new string('b', 70), Areas(batch, 2)), Ct);

        Assert.Equal(("DONE", 2), await _client.AcceptedAndFinishedAsync(response) is var s ? (s.State(), s.Count("accepted")) : default);
    }

    [Theory]
    [InlineData(9 * 1024)]
    [InlineData(60 * 1024)]
    public async Task AQueryStringOverEightKilobytesIsA414ProblemDetails(int length)
    {
        using var response = await _client.GetAsync($"/api/hazard-areas?country=KHM&q={new string('x', length)}", Ct);

        Assert.Contains("at most 8,192", await DetailAsync(response, HttpStatusCode.RequestUriTooLong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeadersOverThirtyTwoKilobytesAreA431ProblemDetails()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/countries");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));

        using var response = await _client.SendAsync(request, Ct);

        Assert.Contains("at most 32,768", await DetailAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadsBrokenOffDuringTheirCopyLeaveNoConnectionThatFailsTheNextRequests()
    {
        // Three thousand features: the first batches are in the COPY when the link drops half-way.
        var broken = Areas(UploadDatabase.NewBatch("SHAPE-DROP"), 3000);
        for (var i = 0; i < 4; i++)
        {
            var key = Guid.NewGuid().ToString();
            var breakOff = new TaskCompletionSource();
            var sending = _client.UploadRawAsync(new BrokenContent(broken, breakOff.Task), KhmCmac, idempotencyKey: key);
            await WaitUntilAsync(async () => await api.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE idempotency_key = $1", key) > 0);
            await Task.Delay(200, Ct);
            breakOff.SetResult();
            await Assert.ThrowsAnyAsync<Exception>(() => sending);
        }

        // The broken uploads are forgotten (their keys free again); then valid ones, two at a time (the organisation's limit).
        await WaitUntilAsync(async () => await api.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE state = 'RECEIVING'") == 0);
        var batch = UploadDatabase.NewBatch("SHAPE-AFTER");
        var valid = new List<HttpStatusCode>();
        for (var round = 0; round < 6; round++)
        {
            valid.AddRange(await Task.WhenAll(Enumerable.Range(round * 2, 2).Select(async i =>
            {
                using var response = await _client.UploadRawAsync(Areas($"{batch}-{i:00}", 3), KhmCmac);
                return response.StatusCode;
            })));
        }

        Assert.All(valid, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(36L, await api.AreasAsync(batch));
    }
}
