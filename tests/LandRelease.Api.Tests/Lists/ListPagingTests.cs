using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Lists;

/// <summary>
/// Every list of the API pages by limit and cursor: following "next" from the first page visits each row exactly
/// once, the last page has no "next", and a limit above the maximum is refused naming the maximum.
/// </summary>
public sealed class ListPagingTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Follows "next" links from the first page; the ids of each page, in order.</summary>
    private async Task<List<string[]>> WalkAsync(string url, string itemsProperty, string idProperty = "id")
    {
        var pages = new List<string[]>();
        string? next = url;
        while (next is not null)
        {
            Assert.True(pages.Count < 50, "the next links do not end");
            var page = await _client.GetJsonAsync(next);
            var ids = page.GetProperty(itemsProperty).EnumerateArray().Select(i => Id(i.GetProperty(idProperty))).ToArray();
            Assert.Equal(ids.Length, page.GetProperty("numberReturned").GetInt32());
            pages.Add(ids);
            next = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => l.GetProperty("href").GetString()).SingleOrDefault();
        }

        return pages;
    }

    private static string Id(JsonElement id) => id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;

    private static void AssertEachOnce(IEnumerable<string> expected, List<string[]> pages)
    {
        var walked = pages.SelectMany(p => p).ToList();
        Assert.Equal(walked.Count, walked.Distinct().Count());
        Assert.Equal(expected.Order(StringComparer.Ordinal), walked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DecisionsOfAnAreaAreWalkedExactlyOnceByTheirNextLinks()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.005, lat + 0.001));
        var drafted = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var strip = new Box(lon + i * 0.001, lat, lon + (i + 1) * 0.001, lat + 0.001);
            drafted.Add((await _client.DraftAsync(Decision(areaId, "CLEARED", strip.Polygon()))).Id.ToString());
        }

        var pages = await WalkAsync($"/api/release-decisions?hazardAreaId={areaId}&limit=2", "features");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Length));
        AssertEachOnce(drafted, pages);
    }

    [Fact]
    public async Task AuditEntriesOfARecordAreWalkedExactlyOnceOldestFirst()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var (decisionId, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.002).Polygon()));
        await _client.MovedAsync(decisionId, "submit");
        await _client.MovedAsync(decisionId, "reject", reason: "Completion report incomplete");

        var whole = await _client.GetJsonAsync($"/api/audit?entityId={decisionId}&limit=1000");
        var all = whole.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        var pages = await WalkAsync($"/api/audit?entityId={decisionId}&limit=1", "items");

        Assert.True(all.Count >= 3, $"drafting, submitting and rejecting leave {all.Count} audit entries");
        Assert.All(pages, p => Assert.Single(p));
        Assert.Equal(all.Order(), all);
        Assert.Equal(all.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task ActivitiesOfAnAreaAreWalkedExactlyOnce()
    {
        var area = await _client.NewTestAreaAsync();
        var recorded = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            recorded.Add((await _client.CreateActivityAsync(area.Id, Clearance(area, NewLocalId("PAGE")))).Id.ToString());
        }

        var pages = await WalkAsync($"/api/hazard-areas/{area.Id}/activities?limit=2", "features");

        Assert.Equal([2, 1], pages.Select(p => p.Length));
        AssertEachOnce(recorded, pages);
    }

    [Fact]
    public async Task QualityIncidentsAreWalkedExactlyOnce()
    {
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var (lon, lat) = NewSpot();
            var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.003, lat + 0.003));
            await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.002, lat + 0.003).Polygon()));
            // Half of it released already: approved, and an incident records the overlap.
            await _client.ApprovedAsync(Decision(areaId, "CLEARED", new Box(lon + 0.001, lat, lon + 0.003, lat + 0.003).Polygon()));
        }

        var whole = await _client.GetJsonAsync("/api/quality-incidents?country=KHM&limit=1000");
        var all = whole.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        var pages = await WalkAsync("/api/quality-incidents?country=KHM&limit=2", "items");

        Assert.True(all.Count >= 3, $"three overlapping approvals leave {all.Count} incidents");
        AssertEachOnce(all, pages);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(2, p.Length));
    }

    [Fact]
    public async Task OrganisationsAreWalkedExactlyOnce()
    {
        await _client.EnsureOrganisationAsync("PAGE-A", "KHM");
        await _client.EnsureOrganisationAsync("PAGE-B", "KHM");

        var whole = await _client.GetJsonAsync("/api/organisations?limit=1000");
        var all = whole.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("code").GetString()!).ToList();
        var pages = await WalkAsync("/api/organisations?limit=1", "items", "code");

        Assert.Contains("PAGE-A", all);
        Assert.Equal(all.Count, pages.Count);
        AssertEachOnce(all, pages);
    }

    private static readonly string[] AllLists =
    [
        "/api/hazard-areas", "/api/release-decisions", "/api/quality-incidents", "/api/audit", "/api/organisations",
        "/api/hazard-areas/{area}/activities",
    ];

    public static TheoryData<string> Lists() => [.. AllLists];

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task ALimitAboveTheMaximumIsRefusedNamingIt(string list)
    {
        var url = list.Replace("{area}", (await _client.NewTestAreaAsync()).Id.ToString(), StringComparison.Ordinal);

        var problem = await (await _client.GetAsync($"{url}?limit=1001", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = problem.GetProperty("errors").GetProperty("limit")[0].GetString();
        Assert.Contains("1000", message, StringComparison.Ordinal);
    }

    /// <summary>The lists keyed by id; an organisation's code is its cursor, and any text is a place in the alphabet.</summary>
    public static TheoryData<string> ListsById() => [.. AllLists.Where(l => l != "/api/organisations")];

    [Theory]
    [MemberData(nameof(ListsById))]
    public async Task ACursorThisApiDidNotIssueIsRefused(string list)
    {
        var url = list.Replace("{area}", (await _client.NewTestAreaAsync()).Id.ToString(), StringComparison.Ordinal);

        var problem = await (await _client.GetAsync($"{url}?cursor=not-a-cursor", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.GetRawText());
    }
}
