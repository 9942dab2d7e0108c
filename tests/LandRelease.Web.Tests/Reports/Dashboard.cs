using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Reports;

/// <summary>Helpers of the report page tests: a drawn map, the API's figures read with the page's own cookie, downloads.</summary>
internal static class Dashboard
{
    /// <summary>Waits until the map module says it drew (the map's idle after load), and returns the features it drew.</summary>
    public static async Task<int> WaitForMapAsync(IPage page, string selector, int expectedFeatures)
    {
        await page.Locator($"{selector}[data-state='drawn']").WaitForAsync(new() { Timeout = 30_000 });
        var drawn = int.Parse((await page.Locator(selector).GetAttributeAsync("data-features"))!, CultureInfo.InvariantCulture);
        if (expectedFeatures > 0)
        {
            Assert.Equal(expectedFeatures, drawn);
        }

        Assert.Equal(1, await page.Locator($"{selector} canvas.maplibregl-canvas").CountAsync());
        return drawn;
    }

    /// <summary>
    /// Waits until the regional map (an SVG the server draws) is painted, and checks it holds the ten states as links,
    /// with no WebGL canvas.
    /// </summary>
    public static async Task WaitForRegionalMapAsync(IPage page)
    {
        await page.Locator("#regional-map[data-state='drawn']").WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal(10, await page.Locator("#regional-map a.state[href^='/countries/']").CountAsync());
        Assert.Equal(0, await page.Locator("canvas").CountAsync());
    }

    public static async Task<JsonElement> ApiAsync(IPage page, string path)
    {
        var response = await page.APIRequest.GetAsync(path);
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }

    public static double Figure(JsonElement element, string path)
    {
        foreach (var step in path.Split('.'))
        {
            element = element.GetProperty(step);
        }

        return element.GetDouble();
    }

    public static async Task<string> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(selector).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        return path;
    }
}
