using LandRelease.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Accounts;

/// <summary>The sign-in form in a real Chromium: who lands where, what a wrong password shows.</summary>
public sealed class SignInPageTests(Chromium chromium, WebFactory web) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task AFieldOperatorSignsInThroughTheFormAndLandsOnUploadsWithItsNameAndRoleInTheHeader()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.GotoAsync("/signin");
        await browser.ScreenshotAsync("signin");
        await browser.AssertAccessibleAsync();

        await browser.SignInAsync(WebFactory.Names.OperatorKhm);

        Assert.EndsWith("/uploads", browser.Page.Url, StringComparison.Ordinal);
        var header = browser.Page.Locator("header");
        await Assertions.Expect(header).ToContainTextAsync("Dara Field");
        await Assertions.Expect(header).ToContainTextAsync("Field operator · CMAC · KHM");
        await browser.ScreenshotAsync("uploads");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AWrongPasswordShowsOneGenericMessageAndStaysOnTheForm()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);

        await browser.SignInAsync(WebFactory.Names.Regional, "not-the-password");

        Assert.Contains("/signin", browser.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong name or password.");
        await browser.ScreenshotAsync("wrong-password");
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SigningOutEndsTheSessionAndPagesLeadToTheFormAgain()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.OperatorKhm);

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.Page.WaitForURLAsync("**/signin");
        await browser.GotoAsync("/uploads");

        Assert.Contains("/signin?ReturnUrl=%2Fuploads", browser.Page.Url, StringComparison.Ordinal);
    }
}
