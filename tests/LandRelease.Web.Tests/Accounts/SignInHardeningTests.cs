using System.Net;
using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;

namespace LandRelease.Web.Tests.Accounts;

/// <summary>Bad input at the door: wrong passwords, a tampered cookie, a form without its token, an unknown page.</summary>
public sealed class SignInHardeningTests(WebFactory web) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnknownNameAndAWrongPasswordGetTheSameMessage()
    {
        using var client = new FormClient(web);

        using var unknown = await client.SignInAsync("nobody-here", WebFactory.Password);
        using var wrong = await client.SignInAsync(WebFactory.Names.Regional, "wrong-password-123");

        foreach (var response in new[] { unknown, wrong })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Wrong name or password.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneFailsWithTheSameMessage()
    {
        await web.CreateAccountAsync(new AccountInput("lock-me", Roles.RegionalViewer, [], null, null, null));
        using var client = new FormClient(web);
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.SignInAsync("lock-me", $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var right = await client.SignInAsync("lock-me", WebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Wrong name or password.", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var lockedUntil = await web.WithDbAsync(db => Task.FromResult(db.Users.Single(a => a.UserName == "lock-me").LockoutEnd));
        Assert.True(lockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task ATamperedCookieSignsThePersonOutInsteadOfFailing()
    {
        using var client = await FormClient.SignedInAsync(web, WebFactory.Names.OperatorKhm);
        var value = client.Cookies.GetCookies(web.BaseAddress)[SignInSchemes.CookieName]!.Value;
        var tampered = value[..^8] + (value.EndsWith("AAAAAAAA", StringComparison.Ordinal) ? "BBBBBBBB" : "AAAAAAAA");
        client.Cookies.Add(web.BaseAddress, new Cookie(SignInSchemes.CookieName, tampered, "/"));

        using var page = await client.GetAsync("/uploads");
        using var api = await client.GetAsync("/api/countries");

        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/signout")]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsA400Page(string path)
    {
        using var client = await FormClient.SignedInAsync(web, WebFactory.Names.Regional);
        var fields = new Dictionary<string, string> { ["_handler"] = "signin", ["Input.Name"] = WebFactory.Names.Regional, ["Input.Password"] = WebFactory.Password };

        using var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(fields), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The request could not be read", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPageIsA404PageForSomeoneSignedInAndTheSignInFormForAnyoneElse()
    {
        using var signedIn = await FormClient.SignedInAsync(web, WebFactory.Names.Regional);
        using var anonymous = new FormClient(web);

        using var known = await signedIn.GetAsync("/no/such/page");
        using var unknown = await anonymous.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, known.StatusCode);
        Assert.Contains("Page not found", await known.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, unknown.StatusCode);
        Assert.StartsWith("/signin", unknown.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInCookieIsHttpOnlyAndLax()
    {
        using var client = new FormClient(web);

        using var response = await client.SignInAsync(WebFactory.Names.Regional, WebFactory.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignInSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task SigningInNeverLeadsToAnotherSite(string returnUrl)
    {
        using var client = new FormClient(web);

        using var response = await client.PostFormAsync($"/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "signin",
            new() { ["Input.Name"] = WebFactory.Names.Regional, ["Input.Password"] = WebFactory.Password });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(web.BaseAddress, "/"), response.Headers.Location);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignIn()
    {
        await web.CreateAccountAsync(new AccountInput("disabled-one", Roles.RegionalViewer, [], null, null, null));
        await web.DisableAsync("disabled-one");
        using var client = new FormClient(web);

        using var response = await client.SignInAsync("disabled-one", WebFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong name or password.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

/// <summary>The host as deployed: no AllowHttpCookies, so the sign-in cookie is Secure.</summary>
public sealed class SecureCookieTests(SecureCookieTests.Factory web) : IClassFixture<SecureCookieTests.Factory>
{
    public sealed class Factory : WebFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Auth:SignIn:AllowHttpCookies", "false")];
    }

    [Fact]
    public async Task OutsideDevelopmentTheSignInCookieIsSecure()
    {
        using var client = new FormClient(web);

        using var response = await client.SignInAsync(WebFactory.Names.Regional, WebFactory.Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Web.Accounts.SignInSchemes.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
