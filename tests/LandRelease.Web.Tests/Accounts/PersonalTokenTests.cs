using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Web.Tests.Accounts;

/// <summary>Personal API tokens: made on the page, shown once, kept hashed, as strong as their account and no stronger.</summary>
public sealed partial class PersonalTokenTests(WebFactory web) : IClassFixture<WebFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CreateTokenAsync(FormClient client, string name = "QGIS on my laptop", string days = "30")
    {
        using var response = await client.PostFormAsync("/account/tokens", "create-token", new() { ["Input.Name"] = name, ["Input.Days"] = days });
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = Secret().Match(page);
        Assert.True(match.Success, "The new token is not on the page.");
        return match.Groups[1].Value;
    }

    private HttpClient BearerClient(string token)
    {
        var client = new HttpClient { BaseAddress = web.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task ATokenMadeOnThePageOpensTheApiWithItsOwnersScopeAndIsStoredOnlyAsAHash()
    {
        using var page = await FormClient.SignedInAsync(web, WebFactory.Names.AuthorityKhm);
        var token = await CreateTokenAsync(page);
        using var api = BearerClient(token);

        using var own = await api.GetAsync("/api/hazard-areas?country=KHM", Ct);
        using var other = await api.GetAsync("/api/hazard-areas?country=LAO", Ct);
        using var admin = await api.GetAsync("/hangfire", Ct);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        var prefix = token[..10];
        var stored = await web.WithDbAsync(db => db.PersonalTokens.SingleAsync(t => t.Prefix == prefix, Ct));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), stored.Hash);
        Assert.NotNull(stored.LastUsedAt);
        using var again = await page.GetAsync("/account/tokens");
        Assert.DoesNotContain(token, await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARegionalViewersTokenCannotReadTheRegister()
    {
        using var page = await FormClient.SignedInAsync(web, WebFactory.Names.Regional);
        using var api = BearerClient(await CreateTokenAsync(page));

        using var register = await api.GetAsync("/api/hazard-areas", Ct);
        using var countries = await api.GetAsync("/api/countries", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, countries.StatusCode);
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedWith401ProblemDetails()
    {
        using var page = await FormClient.SignedInAsync(web, WebFactory.Names.OperatorKhm);
        var token = await CreateTokenAsync(page, "to revoke");
        var prefix = token[..10];
        var id = await web.WithDbAsync(db => db.PersonalTokens.Where(t => t.Prefix == prefix).Select(t => t.Id).SingleAsync(Ct));

        using var revoked = await page.PostFormAsync("/account/tokens", "revoke-token", new() { ["RevokeId"] = id.ToString() });
        using var api = BearerClient(token);
        using var response = await api.GetAsync("/api/countries", Ct);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task ADisabledAccountsTokensStopWorking()
    {
        await web.CreateAccountAsync(new AccountInput("to-disable", Roles.RegionalViewer, [], null, null, null));
        using var page = await FormClient.SignedInAsync(web, "to-disable");
        using var api = BearerClient(await CreateTokenAsync(page));
        using (var before = await api.GetAsync("/api/countries", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await web.DisableAsync("to-disable");
        using var after = await api.GetAsync("/api/countries", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AnExpiredOrUnknownTokenIsRefused()
    {
        using var page = await FormClient.SignedInAsync(web, WebFactory.Names.Admin);
        var token = await CreateTokenAsync(page, "short-lived", "1");
        var prefix = token[..10];
        await web.WithDbAsync(db => db.PersonalTokens.Where(t => t.Prefix == prefix)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct));

        using var expired = await BearerClient(token).GetAsync("/api/countries", Ct);
        using var unknown = await BearerClient(PersonalTokens.Prefix + "not-a-real-token").GetAsync("/api/countries", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Theory]
    [InlineData("", "30", "Give the token a name")]
    [InlineData("too long", "366", "A token lasts 1 to 365 days.")]
    public async Task ABadTokenRequestIsExplainedOnThePage(string name, string days, string message)
    {
        using var page = await FormClient.SignedInAsync(web, WebFactory.Names.Regional);

        using var response = await page.PostFormAsync("/account/tokens", "create-token", new() { ["Input.Name"] = name, ["Input.Days"] = days });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex("id=\"new-token\">(lrp_[A-Za-z0-9_-]+)<")]
    private static partial Regex Secret();
}
