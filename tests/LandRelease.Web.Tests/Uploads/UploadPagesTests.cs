using System.Globalization;
using System.Text.Json.Nodes;
using LandRelease.Api.Samples;
using LandRelease.Web.Access;
using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;
using LandRelease.Web.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Uploads;

/// <summary>
/// A HALO team leader in Chromium: sends the repository's sample files from the upload page, follows the progress,
/// reads the outcomes and the map of what was refused, downloads the refused features, fixes one and sends it again.
/// </summary>
public sealed class UploadPagesTests(Chromium chromium, UploadWebFactory web) : IClassFixture<UploadWebFactory>
{
    private static string Sample(string name) => Path.Combine(SamplesWebFactory.SamplesDirectory, "uploads", name);

    private static async Task<string> SendAsync(BrowserSession browser, string file, string? crs = null, string kind = "hazard-areas")
    {
        var page = browser.Page;
        await browser.GotoAsync("/uploads/new");
        await page.Locator("#upload-file").SetInputFilesAsync(file);
        await page.GetByLabel("What the file holds").SelectOptionAsync(kind);
        if (crs is not null)
        {
            await page.GetByLabel("Coordinate system").SelectOptionAsync(crs);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        // The progress bar and its words show while the file is sent, checked and merged.
        await page.Locator("#upload-progress").WaitForAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/uploads/[0-9a-f-]{36}$"), new() { Timeout = 60_000 });
        return page.Url;
    }

    /// <summary>Sends a sample and checks the report: done, every feature accepted, none refused.</summary>
    private static async Task SendAndSeeItLandAsync(BrowserSession browser, string sample, int features, string? crs = null,
        string kind = "hazard-areas")
    {
        var page = browser.Page;
        await SendAsync(browser, Sample(sample), crs, kind);
        Assert.Equal(("Done", features.ToString(CultureInfo.InvariantCulture), "0"), (await page.Locator("#upload-state").InnerTextAsync(),
            await page.Locator("#accepted-count").InnerTextAsync(), await page.Locator("#refused-count").InnerTextAsync()));
        Assert.Equal(features, await page.Locator("#outcomes-table tbody tr", new() { HasText = "Created" }).CountAsync());
    }

    /// <summary>A GeoJSON file through GDAL's ogr2ogr to a zipped shapefile, lists as GDAL writes them into a text field.</summary>
    private static async Task<string> GdalShapefileZipAsync(string geoJson)
    {
        var folder = Directory.CreateTempSubdirectory("landrelease-shp-");
        try
        {
            using var gdal = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/ogr2ogr",
                ["-f", "ESRI Shapefile", "-mapFieldType", "StringList=String", Path.Combine(folder.FullName, "halo-export.shp"), geoJson])
            {
                RedirectStandardError = true,
            })!;
            var errors = await gdal.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await gdal.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(gdal.ExitCode == 0, errors);
            var zip = Path.Combine(Path.GetTempPath(), $"halo-export-{Guid.NewGuid():N}.zip");
            System.IO.Compression.ZipFile.CreateFromDirectory(folder.FullName, zip);
            return zip;
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public async Task AFieldTeamLeaderSendsFilesReadsWhatWasRefusedFixesItAndSendsItAgain()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1920, 1080);
        var page = browser.Page;
        await browser.SignInAsync(UploadWebFactory.HaloLeader);
        Assert.EndsWith("/uploads", page.Url, StringComparison.Ordinal);
        await page.Locator("#new-upload").ClickAsync();
        await page.Locator("#upload-file").SetInputFilesAsync(Sample("hazard-areas-halo-indian1960-utm48n.zip"));
        await browser.ScreenshotAsync("1-form");
        await browser.AssertAccessibleAsync();

        // HALO's samples in every format they come in: each lands whole.
        await SendAndSeeItLandAsync(browser, "hazard-areas-halo-indian1960-utm48n.zip", 4);
        await SendAndSeeItLandAsync(browser, "hazard-areas-halo-battambang.geojson", 5);
        // The same areas exported to a shapefile by GDAL, as QGIS does (classifica, contaminat, dateOfInfo, organisati):
        // every field is read under its cut name, and sending what is stored again writes nothing.
        var shapefile = await GdalShapefileZipAsync(Sample("hazard-areas-halo-battambang.geojson"));
        try
        {
            await SendAsync(browser, shapefile);
        }
        finally
        {
            File.Delete(shapefile);
        }

        Assert.Equal(("Done", "5", "0"), (await page.Locator("#upload-state").InnerTextAsync(),
            await page.Locator("#accepted-count").InnerTextAsync(), await page.Locator("#refused-count").InnerTextAsync()));
        Assert.Equal(5, await page.Locator("#outcomes-table tbody tr", new() { HasText = "Unchanged" }).CountAsync());
        await SendAndSeeItLandAsync(browser, "hazard-areas-halo-pailin-wkt.csv", 3, crs: "EPSG:4326");
        await SendAndSeeItLandAsync(browser, "traverses-halo.csv", 3);
        await SendAndSeeItLandAsync(browser, "activities-halo.geojson", 2, kind: "activities");

        // The defects sample: some refused, shown in the table and on the map, each where it is.
        await SendAsync(browser, Sample("defects.geojson"));
        Assert.Equal(("Done", "3", "7"), (await page.Locator("#upload-state").InnerTextAsync(),
            await page.Locator("#accepted-count").InnerTextAsync(), await page.Locator("#refused-count").InnerTextAsync()));
        var refusedRow = page.Locator("#outcomes-table tr", new() { HasText = "KHM-BTB-1909" });
        Assert.Contains("Refused", await refusedRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("classification", await refusedRow.InnerTextAsync(), StringComparison.Ordinal);
        // Every refused feature is marked, the swapped one where the land probably is, and the map is fitted to them.
        Assert.Equal(7, await Dashboard.WaitForMapAsync(page, "#upload-map", 7));
        Assert.True(await page.EvaluateAsync<bool>("""
            () => {
              const map = document.getElementById('upload-map').landreleaseMap;
              const points = map.getSource('refused-points').serialize().data.features;
              return points.every(p => map.getBounds().contains(p.geometry.coordinates));
            }
            """), "a refused feature's marker lies outside the map's view");
        Assert.Equal([1, 2, 6, 7, 8, 9, 10], (await page.Locator("#upload-map .refused-number").AllInnerTextsAsync())
            .Select(n => int.Parse(n, CultureInfo.InvariantCulture)).Order());
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#upload-map .refused-label", new() { HasText = "KHM-BTB-1906 · swapped-coordinates" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("2-outcomes");
        await browser.AssertAccessibleAsync();

        var csv = await File.ReadAllLinesAsync(await Dashboard.DownloadAsync(page, "#download-csv"), TestContext.Current.CancellationToken);
        Assert.StartsWith("feature,line,outcome,rule,message,", csv[0], StringComparison.Ordinal);
        Assert.Equal(8, csv.Length);
        var downloaded = await Dashboard.DownloadAsync(page, "#download-geojson");
        var refused = JsonNode.Parse(await File.ReadAllTextAsync(downloaded, TestContext.Current.CancellationToken))!;
        Assert.Equal(7, refused["features"]!.AsArray().Count);

        // As in QGIS: the downloaded file edited in place (one attribute fixed, the added columns left) and sent back whole.
        var wrong = refused["features"]!.AsArray().Single(f => (string?)f!["properties"]!["localId"] == "KHM-BTB-1909")!;
        Assert.Equal("unreadable-attribute", (string?)wrong["properties"]!["rule"]);
        // Its evidence is indirect only, so it is suspected (SHA), as the rules say when it is sent as CHA.
        wrong["properties"]!["classification"] = "SHA";
        var fixedFile = Path.Combine(Path.GetTempPath(), $"landrelease-fixed-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(fixedFile, refused.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            await SendAsync(browser, fixedFile);
        }
        finally
        {
            File.Delete(fixedFile);
            File.Delete(downloaded);
        }

        await browser.ScreenshotAsync("3-resent");
        Assert.Equal(("Done", "1", "6"), (await page.Locator("#upload-state").InnerTextAsync(), await page.Locator("#accepted-count").InnerTextAsync(),
            await page.Locator("#refused-count").InnerTextAsync()));
        Assert.Contains("Created", await page.Locator("#outcomes-table tr", new() { HasText = "KHM-BTB-1909" }).InnerTextAsync(), StringComparison.Ordinal);

        await browser.GotoAsync("/uploads");
        Assert.Equal(8, await page.Locator("#uploads-table tbody tr").CountAsync());
        await browser.ScreenshotAsync("4-list");
    }

    [Fact]
    public async Task AnotherOperatorsTeamLeaderSendsItsKmlGeoPackageAndActivitiesAndSeesOnlyItsOwn()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web, 1366, 900);
        await browser.SignInAsync(UploadWebFactory.MagLeader);

        await SendAndSeeItLandAsync(browser, "hazard-areas-mag-banteay-meanchey.kml", 4);
        await SendAndSeeItLandAsync(browser, "hazard-areas-mag-battambang.gpkg", 4);
        await SendAndSeeItLandAsync(browser, "activities-mag.geojson", 2, kind: "activities");
        await browser.ScreenshotAsync("activities-report");

        await browser.GotoAsync("/uploads");
        var files = await browser.Page.Locator("#uploads-table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["activities-mag.geojson", "hazard-areas-mag-battambang.gpkg", "hazard-areas-mag-banteay-meanchey.kml"], files);

        // Its activities, and not HALO's (the other test's).
        await browser.GotoAsync("/activities");
        var activities = await browser.Page.Locator("#activities-table tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(["KHM-ACT-1003", "KHM-ACT-1004"], activities.Order(StringComparer.Ordinal));
        await browser.AssertAccessibleAsync();
        await browser.ScreenshotAsync("activities");
    }
}

/// <summary>
/// The web host with the repository's samples loaded (the areas the sample activities name, HALO's and MAG's
/// organisations) and a team leader of each operator, whose organisation the sample files name.
/// </summary>
public sealed class UploadWebFactory : WebFactory
{
    public const string HaloLeader = "halo-leader";
    public const string MagLeader = "mag-leader";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadAsync(SamplesWebFactory.SamplesDirectory, CancellationToken.None);
        }

        await CreateAccountAsync(new AccountInput(HaloLeader, Roles.FieldOperator, ["KHM"], "HALO-KHM", "Vanna Leader", "Team leader, HALO Trust"));
        await CreateAccountAsync(new AccountInput(MagLeader, Roles.FieldOperator, ["KHM"], "MAG-KHM", "Sokha Leader", "Team leader, MAG"));
    }
}
