using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(LandRelease.Web.Tests.Infrastructure.Chromium))]

namespace LandRelease.Web.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: Debian's package (installed by ./landrelease test), driven by
/// Playwright without downloading a browser of its own. Each test opens its own context (its own cookies).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: ./landrelease test installs Debian's chromium package.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Two cores shared with other builds: no GPU process, no sandbox helper processes to spare.
            Args = ["--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
