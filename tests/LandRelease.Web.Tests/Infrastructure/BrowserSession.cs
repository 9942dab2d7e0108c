using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Infrastructure;

/// <summary>
/// A browser tab on the app, with the guards every page test wants: it fails on any console error or page
/// error, on any request to a host other than the app's (no CDN, no tiles from elsewhere), and keeps a
/// screenshot of each page it is asked to (bin/.../screenshots/Class.Name.png).
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly HashSet<string> _origins;
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _expectedFailures = [];
    private readonly string _testName;

    private BrowserSession(IBrowserContext context, IPage page, HashSet<string> origins, string testName)
    {
        _context = context;
        Page = page;
        _origins = origins;
        _testName = testName;
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="otherOrigins">Origins besides the app's the test means to visit (an external sign-in provider).</param>
    public static async Task<BrowserSession> OpenAsync(Chromium chromium, WebFactory web, int width = 1366, int height = 768,
        params string[] otherOrigins)
    {
        var baseAddress = web.BaseAddress;
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Asia/Phnom_Penh",
        });
        context.SetDefaultTimeout(15_000);
        // A class's first page is rendered by a host that has run nothing yet (JIT, pools, Razor components); beside the API
        // tests on two cores one took over 15 s to load after signing in. A page that never loads still fails.
        context.SetDefaultNavigationTimeout(45_000);
        var origins = new HashSet<string>(otherOrigins.Append(baseAddress.GetLeftPart(UriPartial.Authority)), StringComparer.OrdinalIgnoreCase);
        var test = TestContext.Current.Test;
        var name = test is null ? "test" : $"{test.TestCase.TestClassName?.Split('.').Last()}.{test.TestCase.TestMethodName}";
        var session = new BrowserSession(context, await context.NewPageAsync(), origins, name);
        await context.RouteAsync("**/*", session.GuardAsync);
        session.Page.Console += (_, message) => session.OnConsole(message);
        session.Page.PageError += (_, error) => session._problems.Add($"page error: {error}");
        return session;
    }

    /// <summary>A page the test expects to be answered 4xx (Chromium logs that as a console error).</summary>
    public void ExpectFailure(string path) => _expectedFailures.Add(path);

    /// <summary>Opens a path and checks the status of the page's own response.</summary>
    public async Task<IResponse> GotoAsync(string path, int expectedStatus = 200)
    {
        if (expectedStatus >= 400)
        {
            _expectedFailures.Add(path);
        }

        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.True(response.Status == expectedStatus, $"{path}: expected {expectedStatus}, got {response.Status}");
        return response;
    }

    /// <summary>
    /// Signs in through the form, as a person would, and waits for the page it leads to: the role's start page,
    /// or <paramref name="returnUrl"/> (the page asked for before signing in).
    /// </summary>
    public async Task SignInAsync(string name, string password = WebFactory.Password, string? returnUrl = null)
    {
        await Page.GotoAsync(returnUrl is null ? "/signin" : $"/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{_testName}.{name}.png");
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment($"screenshot {name}", png, "image/png");
        return path;
    }

    /// <summary>axe-core on the page as it stands: no serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(grave.Count == 0, $"{Page.Url}: " + string.Join("\n", grave.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        Assert.True(_problems.Count == 0, "The browser reported:\n" + string.Join("\n", _problems));
    }

    private async Task GuardAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        if (url.Scheme is "data" or "blob" || _origins.Contains(url.GetLeftPart(UriPartial.Authority)))
        {
            await route.ContinueAsync();
            return;
        }

        _problems.Add($"request to another host: {route.Request.Method} {route.Request.Url}");
        await route.AbortAsync();
    }

    private void OnConsole(IConsoleMessage message)
    {
        if (message.Type != "error")
        {
            return;
        }

        // Chromium logs a page answered 4xx as a console error; a test that asked for that status expects it.
        // Playwright gives the location as "url:line:column".
        var location = message.Location is { Length: > 0 } l ? new Uri(LineAndColumn().Replace(l, "")).PathAndQuery : "";
        if (FailedToLoad().IsMatch(message.Text) && _expectedFailures.Contains(location))
        {
            return;
        }

        _problems.Add($"console error: {message.Text} ({message.Location})");
    }

    [GeneratedRegex(":\\d+:\\d+$")]
    private static partial Regex LineAndColumn();

    [GeneratedRegex("^Failed to load resource: the server responded with a status of [45]")]
    private static partial Regex FailedToLoad();
}
