using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Certificates.CertificateApi;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>The certificate is a page a browser renders: what users typed must stay text, and the page runs nothing.</summary>
public sealed class CertificateSafetyTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Rectangle() => Features.Square(103.86, 13.36, 0.002);

    [Fact]
    public async Task UserTextIsHtmlEncodedEverywhere()
    {
        var organisation = await _client.PostAsJsonAsync("/api/organisations", new JsonObject
        {
            ["code"] = "EVIL-KHM", ["name"] = "<script>alert('org')</script> Demining", ["kind"] = "OPERATOR",
            ["countries"] = new JsonArray("KHM"),
        }, Ct);
        await organisation.AssertJsonAsync(HttpStatusCode.Created);
        var areaId = await _client.CreateAreaAsync("<script>alert(\"area\")</script> & the pagoda's field");
        var draft = await _client.PostAsJsonAsync("/api/release-decisions", new JsonObject
        {
            ["hazardAreaId"] = areaId, ["kind"] = "REDUCED", ["geometry"] = Rectangle(), ["organisation"] = "EVIL-KHM",
            ["dateOfInformation"] = "2025-02-01", ["notes"] = "</p><script>alert('notes')</script>\nSecond line",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["kind"] = "OTHER", ["fileName"] = "report<script>.pdf", ["sha256"] = new string('b', 64),
                ["signedBy"] = "<img src=x onerror=alert(1)>",
            }),
        }, Ct);
        var id = (await draft.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await _client.MoveAsync(id, "submit", "approve");

        var html = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        // Razor encodes every value it writes; decoded, the page shows the text exactly as entered.
        var shown = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains("<script>alert(\"area\")</script> & the pagoda's field", shown, StringComparison.Ordinal);
        Assert.Contains("<script>alert('org')</script> Demining", shown, StringComparison.Ordinal);
        Assert.Contains("</p><script>alert('notes')</script>\nSecond line", shown, StringComparison.Ordinal);
        Assert.Contains("report<script>.pdf", shown, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", shown, StringComparison.Ordinal);
        Assert.Contains("Land reduced by technical survey", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageIsSelfContainedAndItsPolicyAdmitsOnlyItsOwnStylesheet()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Rectangle());

        var response = await _client.GetCertificateAsync(id);
        var html = await response.AssertCertificateAsync();

        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        var css = Assert.Single(styles).Groups[1].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(css)));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src 'sha256-{hash}'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        // Nothing to fetch, run or style outside the one stylesheet.
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"\sstyle\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase), html);
        Assert.Contains("@page { size: A4", css, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, $"Cache-Control: {response.Headers.CacheControl}");
    }
}
