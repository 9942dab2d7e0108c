using LandRelease.Web.Tests.Infrastructure;

namespace LandRelease.Web.Tests.Reports;

/// <summary>The country page: its own national authority sees where land remains; bad addresses are clear 4xx pages.</summary>
public sealed class CountryPageTests(Chromium chromium, SamplesWebFactory web) : IClassFixture<SamplesWebFactory>
{
    [Fact]
    public async Task TheNationalAuthoritySeesItsCountrysMapOfRemainingLand()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1920, 1080);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync("/countries/KHM?from=2016&to=2024");
        var cells = await Dashboard.WaitForMapAsync(browser.Page, "#country-map", 0);

        var map = await browser.Page.Locator("#country-map").GetAttributeAsync("data-map");
        Assert.Contains("\"id\":\"remaining\"", map, StringComparison.Ordinal);
        Assert.True(cells > 0);
        Assert.Equal(0, await browser.Page.Locator("#aggregates-only").CountAsync());
        Assert.Contains("2016–2024", await browser.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("1920x1080");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TheCountryPageBreaksTheFiguresDownByProvinceAndTheRowsAddUp()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1920, 1080);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync("/countries/KHM?from=2016&to=2024");

        var table = browser.Page.Locator("#admin-area-table");
        Assert.Equal(24, await table.Locator("tbody tr[data-code^='KH-']").CountAsync());
        Assert.Equal("Batdâmbâng", (await table.Locator("tr[data-code='KH-2'] th").InnerTextAsync()).Trim());
        // The samples lie in the north-west: remaining land shows in Battambang, and the level's rows add up to the country.
        static long Number(string text) => long.Parse(text.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Number(await table.Locator("tr[data-code='KH-2'] td:nth-child(4)").InnerTextAsync())
                    + Number(await table.Locator("tr[data-code='KH-2'] td:nth-child(5)").InnerTextAsync()) > 0);
        var released = await table.Locator("tbody tr:not(.total) td:nth-child(9)").AllInnerTextsAsync();
        var total = Number(await table.Locator("tr.total td:nth-child(9)").InnerTextAsync());
        Assert.InRange(released.Sum(Number) - total, -released.Count, released.Count);
        await table.ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("by-province");
        await browser.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("/countries/XYZ", 404, "Page not found")]
    [InlineData("/countries/KHM?to=abc", 400, "That year cannot be shown")]
    [InlineData("/countries/KHM?from=2024&to=2020", 400, "That period cannot be shown")]
    [InlineData("/regional?year=3000", 400, "That year cannot be shown")]
    [InlineData("/countries/LAO", 403, "Not your country")]
    public async Task ABadAddressIsAClearPageNeverAnError(string path, int status, string title)
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync(path, status);
        Assert.Equal(title, await browser.Page.Locator("h1").InnerTextAsync());
    }
}
