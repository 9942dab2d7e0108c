using LandRelease.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Oidc;

/// <summary>Signing in through a real OpenID Connect provider: its login form, back signed in with its claims mapped.</summary>
public sealed class OidcSignInTests(Chromium chromium, OidcWebFactory web) : IClassFixture<OidcWebFactory>
{
    private async Task SignInAtProviderAsync(BrowserSession browser, string login)
    {
        // A page asked for before signing in is where the round trip ends.
        await browser.Page.GotoAsync("/account/tokens");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Test Provider" }).ClickAsync();
        await browser.Page.WaitForURLAsync(web.Authority + "/**");
        await browser.Page.Locator("input[name=login]").FillAsync(login);
        await browser.Page.Locator("input[name=password]").FillAsync("any password");
        await browser.Page.Locator("button[type=submit]").ClickAsync();
        // The provider asks once to let LandRelease see the claims.
        await browser.Page.Locator("button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task APersonSignsInAtTheProviderAndComesBackWithItsRoleCountryAndOrganisation()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, otherOrigins: web.Authority);

        await SignInAtProviderAsync(browser, "sokha.chan");
        await browser.Page.WaitForURLAsync("**/account/tokens");

        var header = browser.Page.Locator("header");
        await Assertions.Expect(header).ToContainTextAsync("Sokha Chan");
        await Assertions.Expect(header).ToContainTextAsync("National authority · CMAA · KHM");
        var account = await web.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.UserName == "sokha.chan"));
        Assert.Equal(Roles.NationalAuthority, account.Role);
        Assert.Equal(["KHM"], account.Countries);
        Assert.Equal("CMAA", account.Organisation);
        Assert.Null(account.PasswordHash);
        await browser.ScreenshotAsync("signed-in-through-provider");
    }

    [Fact]
    public async Task APersonTheProviderGivesNoRoleIsRefused()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, otherOrigins: web.Authority);
        browser.ExpectFailure("/access-denied");

        await SignInAtProviderAsync(browser, "no.role");
        await browser.Page.WaitForURLAsync("**/access-denied");

        await Assertions.Expect(browser.Page.Locator("h1")).ToHaveTextAsync("Access denied");
        Assert.False(await web.WithDbAsync(db => db.Users.AnyAsync(a => a.UserName == "no.role")));
    }
}
