using System.Net;
using System.Text.RegularExpressions;

namespace LandRelease.Web.Tests.Infrastructure;

/// <summary>
/// A plain HTTP client that behaves like a browser without scripts: keeps cookies, does not follow redirects
/// (so a test sees each one), and posts forms with the antiforgery token the page gave it.
/// </summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _client;

    public FormClient(WebFactory web)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true })
        {
            BaseAddress = web.BaseAddress,
        };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<FormClient> SignedInAsync(WebFactory web, string name, string password = WebFactory.Password)
    {
        var client = new FormClient(web);
        using var response = await client.SignInAsync(name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Signing in as {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return client;
    }

    public async Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        await PostFormAsync("/signin", "signin", new() { ["Input.Name"] = name, ["Input.Password"] = password });

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path, Ct);

    /// <summary>Reads the page at <paramref name="path"/> for its antiforgery token, then posts the named form to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        var page = await _client.GetStringAsync(path, Ct);
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await _client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
