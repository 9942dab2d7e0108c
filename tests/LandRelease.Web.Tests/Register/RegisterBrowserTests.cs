using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.HazardAreas;
using LandRelease.Data.HazardAreas;
using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;
using LandRelease.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Register;

/// <summary>The register browser on Cambodia's samples: searching, paging, the map's extent, and an area's page.</summary>
public sealed class RegisterBrowserTests(Chromium chromium, SamplesWebFactory web) : IClassFixture<SamplesWebFactory>
{
    private static async Task<string[]> ResultIdsAsync(IPage page) =>
        [.. (await page.Locator("#results tbody tr td:first-child a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))];

    [Fact]
    public async Task AnOfficerFindsAnAreaByPartOfItsLocalIdAndStatus()
    {
        var (localId, status) = await web.WithDbAsync(db => db.HazardAreas.OrderBy(a => a.LocalId)
            .Select(a => new { a.LocalId, a.Status }).FirstAsync().ContinueWith(t => (t.Result.LocalId, t.Result.Status), TaskScheduler.Default));
        var fragment = localId[^4..].ToLowerInvariant();
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1920, 1080);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync("/areas");
        await Reports.Dashboard.WaitForMapAsync(browser.Page, "#areas-map", 0);
        await browser.ScreenshotAsync("all");

        await browser.Page.GetByLabel("Local id contains").FillAsync(fragment);
        await browser.Page.GetByLabel("Status").SelectOptionAsync(Domain.Common.WireName<Domain.HazardAreas.HazardAreaStatus>.Of(status));
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("localId=", StringComparison.Ordinal));
        await Reports.Dashboard.WaitForMapAsync(browser.Page, "#areas-map", 0);

        Assert.DoesNotContain("name=", browser.Page.Url, StringComparison.Ordinal);
        var localIds = await browser.Page.Locator("#results tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Contains(localId, localIds);
        Assert.All(localIds, id => Assert.Contains(fragment, id.ToLowerInvariant(), StringComparison.Ordinal));
        await browser.ScreenshotAsync("found");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task NextLinksWalkEveryAreaExactlyOnce()
    {
        var all = await web.WithDbAsync(db => db.HazardAreas.Select(a => a.Id).ToListAsync());
        Assert.True(all.Count > 50, $"the samples hold {all.Count} areas; the walk needs more than a page");
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync("/areas");
        Assert.Contains($"{all.Count:#,0} areas match", await browser.Page.Locator("#results-title").InnerTextAsync(), StringComparison.Ordinal);

        var seen = new List<string>();
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "the next links do not end");
            seen.AddRange(await ResultIdsAsync(browser.Page));
            var next = browser.Page.Locator("#next-page");
            if (await next.CountAsync() == 0)
            {
                break;
            }

            await next.ClickAsync();
            await browser.Page.WaitForLoadStateAsync(LoadState.Load);
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Select(id => $"/areas/{id}").Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchingTheMapsViewKeepsOnlyTheAreasInIt()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1366, 900);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync("/areas");
        await Reports.Dashboard.WaitForMapAsync(browser.Page, "#areas-map", 0);
        var before = await browser.Page.Locator("#results-title").InnerTextAsync();
        // Closer in on the map's centre, then search what it shows.
        await browser.Page.EvaluateAsync("() => { const map = document.getElementById('areas-map').landreleaseMap; map.zoomTo(map.getZoom() + 3, { duration: 0 }); }");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Search this view" }).ClickAsync();
        await browser.Page.WaitForURLAsync(url => url.Contains("bbox=", StringComparison.Ordinal));
        await Reports.Dashboard.WaitForMapAsync(browser.Page, "#areas-map", 0);

        var bbox = (await browser.Page.GetByLabel("Map extent").InputValueAsync()).Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var inView = await web.WithDbAsync(async db =>
        {
            var box = new NetTopologySuite.Geometries.Envelope(bbox[0], bbox[2], bbox[1], bbox[3]);
            var areas = await db.HazardAreas.Select(a => new { a.Id, a.Geometry }).ToListAsync();
            return areas.Where(a => a.Geometry.EnvelopeInternal.Intersects(box)).Select(a => a.Id).ToList();
        });
        var matched = int.Parse((await browser.Page.Locator("#results-title").InnerTextAsync()).Split(' ')[0].Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.NotEqual(before, await browser.Page.Locator("#results-title").InnerTextAsync());
        Assert.True(matched <= inView.Count && matched > 0, $"{matched} matched; {inView.Count} have a bounding box in the view");
        await browser.ScreenshotAsync("view");
    }

    [Fact]
    public async Task AnAreasPageShowsWhatEachVersionChanged()
    {
        var (id, before) = await ReviseASampleAreaAsync();
        var after = await web.WithDbAsync(db => db.HazardAreas.Where(a => a.Id == id).Select(a => a.AreaSqm).SingleAsync());
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1920, 1080);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync($"/areas/{id}");
        await Reports.Dashboard.WaitForMapAsync(browser.Page, "#area-map", 0);

        var latest = browser.Page.Locator("#history > li").First;
        var text = await latest.InnerTextAsync();
        Assert.Contains("Polygon changed", text, StringComparison.Ordinal);
        Assert.Contains($"+{after - before:#,0} m²", text, StringComparison.Ordinal);
        var diff = await latest.Locator("table.diff tbody tr").AllInnerTextsAsync();
        Assert.Contains(diff, row => row.StartsWith("Name", StringComparison.Ordinal) && row.Contains("(resurveyed)", StringComparison.Ordinal));
        Assert.True(await browser.Page.Locator("#audit tbody tr").CountAsync() > 0);
        Assert.True(await browser.Page.Locator("#decisions tbody tr").CountAsync() > 0);
        Assert.Contains("Approved", await browser.Page.Locator("#decisions").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("1920x1080");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AnotherCountrysOfficerAndAnUnknownAreaGetNotFound()
    {
        var id = await web.WithDbAsync(db => db.HazardAreas.Select(a => a.Id).FirstAsync());
        if (!await web.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "authority-lao")))
        {
            await web.CreateAccountAsync(new AccountInput("authority-lao", Access.Roles.NationalAuthority, ["LAO"], "CMAA", "Lao Officer", "Database manager"));
        }

        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync("authority-lao");
        await browser.GotoAsync($"/areas/{id}", 404);
        Assert.Equal("Page not found", await browser.Page.Locator("h1").InnerTextAsync());
        await browser.GotoAsync($"/areas?country=KHM", 400);
        Assert.Contains("LAO only", await browser.Page.Locator("#search-errors").InnerTextAsync(), StringComparison.Ordinal);
        await browser.GotoAsync($"/areas/{Guid.NewGuid()}", 404);
    }

    /// <summary>Widens a sample area to a box around it and renames it, through the register's own write path.</summary>
    private async Task<(Guid Id, double AreaSqmBefore)> ReviseASampleAreaAsync()
    {
        await using var scope = web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.LandReleaseDbContext>();
        // One with approved decisions, so the page shows released land on its map and in its lists.
        var decided = db.ReleaseDecisions.Where(d => d.State == Domain.Releases.DecisionState.Approved).Select(d => d.HazardAreaId);
        var area = await db.HazardAreas.AsNoTracking().Where(a => decided.Contains(a.Id)).OrderBy(a => a.LocalId).FirstAsync();
        var stored = await scope.ServiceProvider.GetRequiredService<HazardAreaFeatures>().GetAsync(area.Id, CancellationToken.None);
        var feature = JsonNode.Parse(stored!.Json)!.AsObject();
        var e = area.Geometry.EnvelopeInternal.Copy();
        e.ExpandBy(0.0005);
        feature["geometry"] = JsonNode.Parse(string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":\"Polygon\",\"coordinates\":[[[{e.MinX},{e.MinY}],[{e.MaxX},{e.MinY}],[{e.MaxX},{e.MaxY}],[{e.MinX},{e.MaxY}],[{e.MinX},{e.MinY}]]]}}"));
        var properties = feature["properties"]!.AsObject();
        properties["name"] = $"{area.Name} (resurveyed)";
        properties["changeReason"] = "Resurveyed: the boundary follows the field's edges";
        var request = feature.Deserialize<HazardAreaFeatureRequest>(JsonSerializerOptions.Web)!;
        var officer = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(Access.TokenClaims.Name, "test-officer"), new Claim(Access.TokenClaims.Role, Access.Roles.NationalAuthority),
            new Claim(Access.TokenClaims.Country, "KHM"), new Claim(Access.TokenClaims.Organisation, "CMAA"),
        ], "test"));
        var outcome = await scope.ServiceProvider.GetRequiredService<HazardAreaRegister>()
            .ReviseAsync(area.Id, area.Version, request, Access.UserScope.From(officer), CancellationToken.None);
        Assert.IsType<RegisterOutcome.Stored>(outcome);
        return (area.Id, area.AreaSqm);
    }
}
