using System.Globalization;
using System.Text.Json;
using LandRelease.Web.Reports;
using LandRelease.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace LandRelease.Web.Tests.Reports;

/// <summary>
/// The regional dashboard in Chromium, signed in through the form: the map drawn from our own outlines, the figures
/// the API serves, "no data reported" for the states without data, the total row, the downloads, and a click on a
/// state leading to its page. The samples hold Cambodia only; 2024 has an approved clearance.
/// </summary>
public sealed class RegionalDashboardTests(Chromium chromium, SamplesWebFactory web) : IClassFixture<SamplesWebFactory>
{
    private const int Year = 2024;

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1366, 768)]
    public async Task TheMapIsDrawnAndTheFiguresAreTheApisWithNoDataShownApart(int width, int height)
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, width, height);
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync($"/regional?year={Year}");
        await Dashboard.WaitForRegionalMapAsync(browser.Page);
        var api = await Dashboard.ApiAsync(browser.Page, $"/api/reports/regional?year={Year}");

        foreach (var country in api.GetProperty("countries").EnumerateArray())
        {
            var row = browser.Page.Locator($"#states-table tr[data-code='{country.GetProperty("code").GetString()}']");
            if (country.GetProperty("reported").GetBoolean())
            {
                Assert.Equal(Figures.Sqm(Dashboard.Figure(country, "remaining.cha.areaSqm")), await row.Locator("[data-figure='remaining.cha.areaSqm']").InnerTextAsync());
                Assert.Equal(Figures.Sqm(Dashboard.Figure(country, "released.totalSqm")), await row.Locator("[data-figure='released.totalSqm']").InnerTextAsync());
            }
            else
            {
                Assert.Equal(Figures.NoData, (await row.Locator("td").InnerTextAsync()).Trim());
            }
        }

        var total = api.GetProperty("total");
        var totalRow = browser.Page.Locator("#states-table tr[data-code='ASEAN']");
        Assert.Equal(Figures.Sqm(Dashboard.Figure(total, "remaining.sha.areaSqm")), await totalRow.Locator("[data-figure='remaining.sha.areaSqm']").InnerTextAsync());
        Assert.Equal(Figures.Sqm(Dashboard.Figure(total, "released.clearedSqm")), await totalRow.Locator("[data-figure='released.clearedSqm']").InnerTextAsync());
        Assert.Equal(Figures.Area(Dashboard.Figure(total, "remaining.cha.areaSqm")),
            await browser.Page.Locator(".tile[data-figure='remaining.cha.areaSqm'] .tile-value").InnerTextAsync());
        Assert.Equal("1 of 10", await browser.Page.Locator(".tile[data-figure='countriesReporting'] .tile-value").InnerTextAsync());
        // States by name: Cambodia (KHM) second, after Brunei, before Indonesia.
        Assert.Equal(["BRN", "KHM", "IDN"], (await browser.Page.Locator("#states-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"))[..3]);

        await browser.ScreenshotAsync($"{width}x{height}");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheCsvAndXlsxHoldTheTableAsShown()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync($"/regional?year={Year}");
        var api = await Dashboard.ApiAsync(browser.Page, $"/api/reports/regional?year={Year}");
        var khm = api.GetProperty("countries").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "KHM");

        var csv = await File.ReadAllLinesAsync(await Dashboard.DownloadAsync(browser.Page, "#download-csv"), TestContext.Current.CancellationToken);
        Assert.Equal(12, csv.Length);
        Assert.StartsWith("Year,Code,State,Reported,SHA remaining (m²)", csv[0], StringComparison.Ordinal);
        var cambodia = csv.Single(l => l.Contains(",KHM,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(Dashboard.Figure(khm, "remaining.cha.areaSqm"), double.Parse(cambodia[5], CultureInfo.InvariantCulture));
        Assert.Contains(csv, l => l.StartsWith($"{Year},BRN,Brunei,{Figures.NoData},,", StringComparison.Ordinal));
        Assert.StartsWith($"{Year},ASEAN,", csv[^1], StringComparison.Ordinal);

        var xlsx = await Dashboard.DownloadAsync(browser.Page, "#download-xlsx");
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: $"ASEAN {Year}").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal(["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "ASEAN"], rows.Select(r => (string)r["Code"]!).ToArray());
        var khmRow = rows.Single(r => (string)r["Code"]! == "KHM");
        Assert.Equal(Dashboard.Figure(khm, "released.clearedSqm"), Convert.ToDouble(khmRow["Cleared (m²)"], CultureInfo.InvariantCulture));
        Assert.Null(rows.Single(r => (string)r["Code"]! == "BRN")["CHA remaining (m²)"]);
        var trend = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Trend").ToList();
        Assert.NotEmpty(trend);

        // GDAL, and so QGIS, reads the same sheets, rows and figures (MiniExcel's own workbooks read as empty sheets in GDAL 3.6).
        Assert.Equal([$"ASEAN {Year}", "Trend"], await Ogrinfo.SheetsAsync(xlsx));
        Assert.Equal(11, await Ogrinfo.RowCountAsync(xlsx, $"ASEAN {Year}"));
        Assert.Equal(trend.Count, await Ogrinfo.RowCountAsync(xlsx, "Trend"));
        Assert.Equal(Dashboard.Figure(khm, "released.clearedSqm"), await Ogrinfo.NumberAsync(xlsx, $"ASEAN {Year}", "Code", "KHM", "Cleared (m²)"));
    }

    [Fact]
    public async Task ClickingAStateOnTheMapOpensItsPageAndNoGeometryReachesARegionalViewer()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        var bodies = new List<string>();
        browser.Page.Response += async (_, response) =>
        {
            if (!response.Url.Contains("/api/countries/outlines", StringComparison.Ordinal) && response.Status == 200
                && !response.Url.Contains("/_content/", StringComparison.Ordinal))
            {
                try { bodies.Add(await response.TextAsync()); } catch (PlaywrightException) { }
            }
        };
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync($"/regional?year={Year}");
        await Dashboard.WaitForRegionalMapAsync(browser.Page);

        await browser.Page.Locator("#regional-map a.state[data-code='KHM'] path").ClickAsync();
        await browser.Page.WaitForURLAsync("**/countries/KHM**");
        await Dashboard.WaitForMapAsync(browser.Page, "#country-map", 0);
        Assert.Contains("Cambodia", await browser.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await browser.Page.Locator("#aggregates-only").IsVisibleAsync());
        await browser.ScreenshotAsync("country-aggregates");

        Assert.NotEmpty(bodies);
        Assert.All(bodies, body =>
        {
            Assert.DoesNotContain("\"coordinates\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("&quot;id&quot;:&quot;remaining&quot;", body, StringComparison.Ordinal);
            Assert.DoesNotContain("KHM-BTB-", body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TheMapsStatesAreLinksTheKeyboardReachesByNameWithNoDataHatched()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync($"/regional?year={Year}");
        await Dashboard.WaitForRegionalMapAsync(browser.Page);
        var map = browser.Page.Locator("#regional-map");
        Assert.Equal("url(#no-data-hatch)", await map.Locator("a.state[data-code='BRN'] path").GetAttributeAsync("fill"));
        Assert.StartsWith("#", await map.Locator("a.state[data-code='KHM'] path").GetAttributeAsync("fill"), StringComparison.Ordinal);
        Assert.StartsWith("Cambodia: ", await map.Locator("a.state[data-code='KHM'] title").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(Figures.NoData, await map.Locator("a.state[data-code='BRN']").GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        // From the year form, Tab reaches the states in the table's order: Brunei first, then Cambodia; Enter opens it.
        await browser.Page.Locator("#year").FocusAsync();
        string? focused = null;
        for (var i = 0; i < 12 && focused != "BRN"; i++)
        {
            await browser.Page.Keyboard.PressAsync("Tab");
            focused = await browser.Page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.code ?? null");
        }

        Assert.Equal("BRN", focused);
        await browser.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("KHM", await browser.Page.EvaluateAsync<string?>("() => document.activeElement?.dataset?.code ?? null"));
        await browser.ScreenshotAsync("cambodia-focused");
        await browser.Page.Keyboard.PressAsync("Enter");
        await browser.Page.WaitForURLAsync($"**/countries/KHM?to={Year}");
    }

    [Fact]
    public async Task ARegionalViewerIsShownAccessDeniedOnTheReviewQueueAndCanFindTheWayBack()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync("/review", 403);
        Assert.Contains("Access denied", await browser.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await browser.Page.Locator("#review-queue").CountAsync());
        await browser.ScreenshotAsync("review-denied");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Regional dashboard" }).First.ClickAsync();
        await browser.Page.WaitForURLAsync("**/regional**");
    }
}
