using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Uploads limited to 64 KB, on Kestrel.</summary>
public sealed class SmallUploadLimitFactory : KestrelUploadFactory
{
    public const int MaxBytes = 64 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxBytes", MaxBytes.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class SizeLimitTests(SmallUploadLimitFactory api) : IClassFixture<SmallUploadLimitFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] Areas(string batch, int count) => GeoJsonFile.Of(Enumerable.Range(0, count)
        .Select(i => new AreaRow($"{batch}-{i:000}", UploadFiles.Square(102.9 + i % 40 * 0.004, 13.5 + i / 40 * 0.004, 0.002))));

    /// <summary>With Expect: 100-continue, as a client sending a large file should: the server refuses on the headers alone.</summary>
    private static HttpRequestMessage Request(HttpContent content, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/uploads?{query}") { Content = content };
        request.Headers.ExpectContinue = true;
        return request;
    }

    [Fact]
    public void TheClientTalksToKestrel() => Assert.Equal("127.0.0.1", _client.BaseAddress?.Host);

    [Fact]
    public async Task ARawBodyOverTheLimitIsA413ProblemAndStoresNothing()
    {
        var batch = UploadDatabase.NewBatch("BIG-RAW");
        var file = Areas(batch, 400);
        Assert.True(file.Length > SmallUploadLimitFactory.MaxBytes);
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/geo+json");

        using var response = await _client.SendAsync(Request(content, KhmCmac), Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("file-too-large", problem.Code());
        Assert.Equal("FAILED", (await _client.UploadStatusAsync(problem.GetProperty("uploadId").GetGuid())).State());
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AMultipartFormOverTheLimitIsA413Problem()
    {
        var batch = UploadDatabase.NewBatch("BIG-FORM");
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in KhmCmacFields())
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new ByteArrayContent(Areas(batch, 400)), "file", "big.geojson");

        using var response = await _client.SendAsync(Request(form), Ct);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AFileUnderTheLimitLands()
    {
        var batch = UploadDatabase.NewBatch("SMALL");
        var file = Areas(batch, 20);
        Assert.True(file.Length < SmallUploadLimitFactory.MaxBytes);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        Assert.Equal(("DONE", 20), (status.State(), status.Count("accepted")));
    }
}
