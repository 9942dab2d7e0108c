using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// Prints HTML to A4 PDF with headless Chromium (Debian's package, <see cref="CertificateOptions.ChromiumPath"/>), so the
/// PDF is the very page the HTML certificate shows, with local scripts shaped by the system's Noto fonts. One browser,
/// started on first use; at most two pages print at once on a small server.
/// </summary>
internal sealed class PdfPrinter(IOptions<CertificateOptions> options, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _pages = new(2);
    private readonly SemaphoreSlim _start = new(1);
    private IBrowser? _browser;

    public async Task<byte[]> PrintAsync(string html, CancellationToken ct)
    {
        var browser = await BrowserAsync(ct);
        await _pages.WaitAsync(ct);
        try
        {
            await using var page = await browser.NewPageAsync();
            // The certificate fetches nothing and runs no script; nothing should reach the network while printing.
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
            return await page.PdfDataAsync(new PdfOptions { Format = PaperFormat.A4, PrintBackground = true, PreferCSSPageSize = true });
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsClosed: false } running)
        {
            return running;
        }

        await _start.WaitAsync(ct);
        try
        {
            if (_browser is { IsClosed: false } started)
            {
                return started;
            }

            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"No Chromium at {path} to print PDFs (Certificates:ChromiumPath); install Debian's chromium package.");
            }

            logger.LogInformation("Starting {Chromium} to print PDFs", path);
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                // Our own HTML with scripts off; the sandbox needs user namespaces a root service or container often lacks.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--font-render-hinting=none"],
            });
            return _browser;
        }
        finally
        {
            _start.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser.Dispose();
        }

        _pages.Dispose();
        _start.Dispose();
    }
}
