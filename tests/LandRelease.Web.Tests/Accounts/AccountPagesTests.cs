using LandRelease.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Accounts;

/// <summary>The account pages in Chromium, as their users work them: screenshots kept, axe run on each.</summary>
public sealed class AccountPagesTests(Chromium chromium, WebFactory web) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task AnAdministratorCreatesAnAccountWithItsRoleCountriesAndOrganisation()
    {
        await using (var admin = await BrowserSession.OpenAsync(chromium, web))
        {
            await admin.SignInAsync(WebFactory.Names.Admin, returnUrl: "/admin/accounts");
            var page = admin.Page;
            await page.GetByLabel("Name (to sign in with)").FillAsync("vanna.lim");
            await page.GetByLabel("Display name").FillAsync("Vanna Lim");
            await page.GetByLabel("Position").FillAsync("Quality manager, CMAA");
            await page.GetByLabel("Role").SelectOptionAsync(Roles.NationalAuthority);
            await page.GetByLabel("Organisation").SelectOptionAsync("CMAA");
            await page.GetByLabel("KHM").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Account \"vanna.lim\" created.");
            await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("Quality manager, CMAA");
            await admin.ScreenshotAsync("accounts");
            await admin.AssertAccessibleAsync();
        }

        var account = await web.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.UserName == "vanna.lim"));
        Assert.Equal(["KHM"], account.Countries);
        Assert.Equal("CMAA", account.Organisation);
    }

    [Fact]
    public async Task APersonCreatesAPersonalTokenAndSeesItOnce()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm, returnUrl: "/account/tokens");

        await browser.Page.GetByLabel("Name").FillAsync("QGIS at the office");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        await Assertions.Expect(browser.Page.Locator("#new-token")).ToContainTextAsync("lrp_");
        await Assertions.Expect(browser.Page.Locator("table.data")).ToContainTextAsync("QGIS at the office");
        await browser.ScreenshotAsync("tokens");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AForbiddenPageAndAnUnknownOneAreClearPages()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, width: 1920, height: 1080);
        await browser.SignInAsync(WebFactory.Names.Regional, returnUrl: "/account/tokens");

        await browser.GotoAsync("/admin/accounts", expectedStatus: 403);
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Access denied");
        await browser.ScreenshotAsync("access-denied");
        await browser.AssertAccessibleAsync();

        await browser.GotoAsync("/no/such/page", expectedStatus: 404);
        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Page not found");
        await browser.AssertAccessibleAsync();
    }
}
