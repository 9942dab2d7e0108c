using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>A report of 250 lines read page by page with after= and limit=, whole or filtered by outcome.</summary>
public sealed class ReportPagingTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const int Total = 250;
    private readonly HttpClient _client = api.CreateClient();
    private Guid _uploadId;

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        var batch = UploadDatabase.NewBatch("PAGE");
        // Every tenth feature (index 7, 17, ... 247) carries a classification the register does not know.
        var rows = Enumerable.Range(0, Total).Select(i => new AreaRow($"{batch}-{i:000}", UploadFiles.Square(102.9 + i % 25 * 0.01, 13.2 + i / 25 * 0.01, 0.002))
        {
            Classification = i % 10 == 7 ? "XHA" : "CHA",
        });
        var response = await _client.UploadRawAsync(GeoJsonFile.Of(rows), KhmCmac);
        _uploadId = (await _client.AcceptedAndFinishedAsync(response)).Id();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<JsonElement> PageAsync(string query) =>
        await (await _client.GetAsync($"/api/uploads/{_uploadId}?{query}", Ct)).AssertJsonAsync(HttpStatusCode.OK);

    private static int[] Indexes(JsonElement page) => [.. page.Lines().Select(l => l.GetProperty("index").GetInt32())];

    [Fact]
    public async Task TheCountsCoverEveryFeature()
    {
        var status = await PageAsync("");

        Assert.Equal(("DONE", 225, 25), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((Total, Total), (status.GetProperty("progress").GetProperty("done").GetInt32(), status.GetProperty("progress").GetProperty("total").GetInt32()));
    }

    [Fact]
    public async Task WithoutLimitAPageHoldsOneHundredLines()
    {
        var page = await PageAsync("");

        Assert.Equal(Enumerable.Range(0, 100), Indexes(page));
        Assert.Equal($"/api/uploads/{_uploadId}?after=99&limit=100", page.GetProperty("next").GetString());
    }

    [Fact]
    public async Task FollowingNextReadsEveryLineOnceAndTheLastPageHasNoNext()
    {
        var seen = new List<int>();
        var pages = 0;
        string? next = $"/api/uploads/{_uploadId}?limit=100";
        while (next is not null)
        {
            var page = await (await _client.GetAsync(next, Ct)).AssertJsonAsync(HttpStatusCode.OK);
            seen.AddRange(Indexes(page));
            next = page.GetProperty("next").GetString();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, Total), seen);
        Assert.Equal(JsonValueKind.Null, (await PageAsync("after=199&limit=100")).GetProperty("next").ValueKind);
        Assert.Equal(Enumerable.Range(200, 50), Indexes(await PageAsync("after=199&limit=100")));
    }

    [Fact]
    public async Task TheRejectedFilterPagesOverRejectedLinesOnly()
    {
        var first = await PageAsync("outcome=REJECTED&limit=10");
        var second = await (await _client.GetAsync(first.GetProperty("next").GetString(), Ct)).AssertJsonAsync(HttpStatusCode.OK);
        var third = await (await _client.GetAsync(second.GetProperty("next").GetString(), Ct)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => i * 10 + 7), Indexes(first));
        Assert.Equal($"/api/uploads/{_uploadId}?after=97&limit=10&outcome=REJECTED", first.GetProperty("next").GetString());
        Assert.Equal(Enumerable.Range(10, 10).Select(i => i * 10 + 7), Indexes(second));
        Assert.Equal(Enumerable.Range(20, 5).Select(i => i * 10 + 7), Indexes(third));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("next").ValueKind);
        Assert.All(first.Lines(), l => Assert.Equal(("REJECTED", "unreadable-attribute"), (l.Outcome(), l.Rule())));
    }

    [Fact]
    public async Task TheAcceptedFilterSkipsTheRejectedLines()
    {
        var page = await PageAsync("outcome=ACCEPTED&after=0&limit=12");

        Assert.Equal([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13], Indexes(page));
        Assert.All(page.Lines(), l => Assert.Equal("CREATED", l.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task APageAfterTheLastLineIsEmpty()
    {
        var page = await PageAsync($"after={Total - 1}");

        Assert.Empty(page.Lines());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}
