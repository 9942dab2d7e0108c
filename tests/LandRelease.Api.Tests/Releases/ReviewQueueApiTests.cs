using System.Net;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Releases;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// GET /api/release-decisions/queue: the submitted decisions of the caller's countries with their area, operator, date,
/// kind and m², sorted and paged by following 'next' (each decision once), scoped, and every bad parameter a 400 naming it.
/// </summary>
public sealed class ReviewQueueApiTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Queue = "/api/release-decisions/queue";
    private readonly HttpClient _client = api.CreateClient();
    private readonly HttpClient _khm = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-khm");

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Five submitted decisions of growing size (and a draft and an approved one, which are not waiting).</summary>
    private async Task<Guid[]> SubmitFiveAsync()
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            var (lon, lat) = NewSpot();
            var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.01, lat + 0.01));
            var (id, _) = await _client.DraftAsync(Decision(areaId, i % 2 == 0 ? "REDUCED" : "CLEARED", new Box(lon, lat, lon + 0.001 * i, lat + 0.002).Polygon()));
            await _client.MovedAsync(id, "submit");
            ids.Add(id);
        }

        var (l, b) = NewSpot();
        var (other, _) = await _client.NewAreaAsync(new Box(l, b, l + 0.01, b + 0.01));
        await _client.DraftAsync(Decision(other, "CLEARED", new Box(l, b, l + 0.001, b + 0.001).Polygon()));
        await _client.ApprovedAsync(Decision(other, "CLEARED", new Box(l + 0.005, b, l + 0.006, b + 0.001).Polygon()));
        return [.. ids];
    }

    /// <summary>Every item, following 'next' from the first page.</summary>
    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string query)
    {
        var items = new List<JsonElement>();
        string? url = $"{Queue}?{query}";
        while (url is not null)
        {
            var page = await client.GetJsonAsync(url);
            var returned = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(returned.Count, page.GetProperty("numberReturned").GetInt32());
            items.AddRange(returned);
            url = page.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "next")
                .Select(l => new Uri(l.GetProperty("href").GetString()!).PathAndQuery).FirstOrDefault();
        }

        return items;
    }

    [Fact]
    public async Task EachSortPagesThroughEverySubmittedDecisionOnceInItsOrder()
    {
        var ids = await SubmitFiveAsync();

        // Other tests of this class submit into the same database: each list is checked whole for its order, and for
        // this test's five decisions (once each, in their order) among the rest.
        var byArea = await AllAsync(_khm, "sort=area&dir=desc&limit=2");
        Assert.Equal(ids.Reverse(), Ours(byArea, ids).Select(i => i.GetProperty("id").GetGuid()));
        var sqm = byArea.Select(i => i.GetProperty("areaSqm").GetDouble()).ToList();
        Assert.Equal(sqm.OrderDescending(), sqm);

        var bySubmitted = Ours(await AllAsync(_khm, "limit=2"), ids);
        Assert.Equal(ids, bySubmitted.Select(i => i.GetProperty("id").GetGuid()));
        Assert.All(bySubmitted, i => Assert.NotNull(i.GetProperty("submittedAt").GetString()));

        var byLocalId = await AllAsync(_khm, "sort=localId&limit=3");
        var localIds = byLocalId.Select(i => i.GetProperty("areaLocalId").GetString()!).ToList();
        Assert.Equal(localIds.Order(StringComparer.Ordinal), localIds);
        Assert.Equal(ids.Order(), Ours(byLocalId, ids).Select(i => i.GetProperty("id").GetGuid()).Order());

        var byKind = await AllAsync(_khm, "sort=kind&dir=desc&limit=1");
        var kinds = byKind.Select(i => i.GetProperty("kind").GetString()!).ToList();
        Assert.Equal(kinds.OrderDescending(StringComparer.Ordinal), kinds);
        Assert.Equal(["REDUCED", "REDUCED", "CLEARED", "CLEARED", "CLEARED"], Ours(byKind, ids).Select(i => i.GetProperty("kind").GetString()));

        var first = bySubmitted[0];
        Assert.Equal("KHM", first.GetProperty("country").GetString());
        Assert.Equal("CMAC", first.GetProperty("operator").GetString());
        Assert.StartsWith("REL-", first.GetProperty("areaLocalId").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("areaName").GetString()));
        Assert.Equal($"/api/release-decisions/{ids[0]}", first.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("submitted", false)]
    [InlineData("submitted", true)]
    [InlineData("localId", false)]
    [InlineData("localId", true)]
    [InlineData("operator", false)]
    [InlineData("operator", true)]
    [InlineData("kind", false)]
    [InlineData("kind", true)]
    [InlineData("area", false)]
    [InlineData("area", true)]
    public async Task TheReviewPagesNumberedPagesListTheCursorsRowsInTheCursorsOrder(string sort, bool descending)
    {
        await SubmitFiveAsync();
        var byCursor = (await AllAsync(_khm, $"sort={sort}&dir={(descending ? "desc" : "asc")}&limit=7"))
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

        var queueSort = sort switch
        {
            "localId" => QueueSort.LocalId,
            "operator" => QueueSort.Organisation,
            "kind" => QueueSort.Kind,
            "area" => QueueSort.Area,
            _ => QueueSort.Submitted,
        };
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        var byPage = new List<Guid>();
        var first = await ReviewQueue.PageAsync(db, ["KHM"], queueSort, descending, 1, Ct, pageSize: 3);
        for (var number = 1; number <= first.Pages; number++)
        {
            var page = await ReviewQueue.PageAsync(db, ["KHM"], queueSort, descending, number, Ct, pageSize: 3);
            Assert.Equal(byCursor.Count, page.Total);
            byPage.AddRange(page.Rows.Select(r => r.Id));
        }

        Assert.Equal(byCursor, byPage);
    }

    private static List<JsonElement> Ours(IEnumerable<JsonElement> items, IReadOnlyCollection<Guid> ids) =>
        [.. items.Where(i => ids.Contains(i.GetProperty("id").GetGuid()))];

    [Fact]
    public async Task AnotherCountrysAuthoritySeesNoneOfItAndAFieldAccountIsRefused()
    {
        var ids = await SubmitFiveAsync();

        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA", "officer-lao");
        Assert.DoesNotContain((await AllAsync(laos, "limit=1000")), i => ids.Contains(i.GetProperty("id").GetGuid()));
        using var forbidden = await laos.GetAsync($"{Queue}?country=KHM", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var surveyor = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-1");
        using var field = await surveyor.GetAsync(Queue, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, field.StatusCode);
        Assert.Equal(5, (await AllAsync(_khm, "country=khm")).Count(i => ids.Contains(i.GetProperty("id").GetGuid())));
    }

    [Theory]
    [InlineData("sort=size", "sort")]
    [InlineData("dir=up", "dir")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("country=12", "country")]
    [InlineData("state=SUBMITTED", "state")]
    [InlineData("localId=KHM", "localId")]
    public async Task ABadParameterIsA400NamingIt(string query, string named)
    {
        using var response = await _khm.GetAsync($"{Queue}?{query}", Ct);
        Assert.Contains(named, await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task ACursorOfOneSortIsRefusedUnderAnother()
    {
        await SubmitFiveAsync();
        var page = await _khm.GetJsonAsync($"{Queue}?sort=area&limit=1");
        var next = new Uri(page.GetProperty("links")[0].GetProperty("href").GetString()!);
        var cursor = System.Web.HttpUtility.ParseQueryString(next.Query)["cursor"];

        using var response = await _khm.GetAsync($"{Queue}?sort=localId&limit=1&cursor={cursor}", Ct);
        Assert.Contains("cursor", await response.AssertValidationErrorsAsync());
    }
}
