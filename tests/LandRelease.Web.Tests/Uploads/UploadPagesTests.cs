using System.Text.Json.Nodes;
using LandRelease.Domain.Organisations;
using LandRelease.Web.Access;
using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;
using LandRelease.Web.Tests.Reports;
using Microsoft.Playwright;

namespace LandRelease.Web.Tests.Uploads;

/// <summary>
/// A HALO team leader in Chromium: sends the repository's sample files from the upload page, follows the progress,
/// reads the outcomes and the map of what was refused, downloads the refused features, fixes one and sends it again.
/// </summary>
public sealed class UploadPagesTests(Chromium chromium, UploadWebFactory web) : IClassFixture<UploadWebFactory>
{
    private static string Sample(string name) => Path.Combine(SamplesWebFactory.SamplesDirectory, "uploads", name);

    private static async Task<string> SendAsync(BrowserSession browser, string file, string? crs = null)
    {
        var page = browser.Page;
        await browser.GotoAsync("/uploads/new");
        await page.Locator("#upload-file").SetInputFilesAsync(file);
        await page.GetByLabel("What the file holds").SelectOptionAsync("hazard-areas");
        if (crs is not null)
        {
            await page.GetByLabel("Coordinate system").SelectOptionAsync(crs);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await page.Locator("#upload-progress").WaitForAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/uploads/[0-9a-f-]{36}$"), new() { Timeout = 60_000 });
        return page.Url;
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

        // A shapefile with its .prj on the Indian 1960 grid: every area lands.
        await SendAsync(browser, Sample("hazard-areas-halo-indian1960-utm48n.zip"));
        Assert.Equal("Done", await page.Locator("#upload-state").InnerTextAsync());
        Assert.Equal("0", await page.Locator("#refused-count").InnerTextAsync());

        // The defects sample: some refused, shown in the table and on the map.
        await SendAsync(browser, Sample("defects.geojson"));
        Assert.Equal("Done", await page.Locator("#upload-state").InnerTextAsync());
        Assert.NotEqual("0", await page.Locator("#refused-count").InnerTextAsync());
        var refusedRow = page.Locator("#outcomes-table tr", new() { HasText = "KHM-BTB-1909" });
        Assert.Contains("Refused", await refusedRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("classification", await refusedRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await Dashboard.WaitForMapAsync(page, "#upload-map", 0) > 0);
        await browser.ScreenshotAsync("2-outcomes");
        await browser.AssertAccessibleAsync();

        var csv = await File.ReadAllLinesAsync(await Dashboard.DownloadAsync(page, "#download-csv"), TestContext.Current.CancellationToken);
        Assert.StartsWith("feature,line,outcome,rule,message,", csv[0], StringComparison.Ordinal);
        Assert.Equal(8, csv.Length);
        var refused = JsonNode.Parse(await File.ReadAllTextAsync(await Dashboard.DownloadAsync(page, "#download-geojson"),
            TestContext.Current.CancellationToken))!;
        var wrong = refused["features"]!.AsArray().Single(f => (string?)f!["properties"]!["localId"] == "KHM-BTB-1909")!;
        Assert.Equal("unreadable-attribute", (string?)wrong["properties"]!["rule"]);
        // Its evidence is indirect only, so it is suspected (SHA), as the rules say when it is sent as CHA.
        wrong["properties"]!["classification"] = "SHA";
        var fixedFile = Path.Combine(Path.GetTempPath(), $"landrelease-fixed-{Guid.NewGuid():N}.geojson");
        await File.WriteAllTextAsync(fixedFile, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(wrong.DeepClone()) }.ToJsonString(),
            TestContext.Current.CancellationToken);
        try
        {
            await SendAsync(browser, fixedFile);
        }
        finally
        {
            File.Delete(fixedFile);
        }

        await browser.ScreenshotAsync("3-resent");
        Assert.Equal(("Done", "1", "0"), (await page.Locator("#upload-state").InnerTextAsync(), await page.Locator("#accepted-count").InnerTextAsync(),
            await page.Locator("#refused-count").InnerTextAsync()));

        await browser.GotoAsync("/uploads");
        Assert.Equal(3, await page.Locator("#uploads-table tbody tr").CountAsync());
        await browser.ScreenshotAsync("4-list");
    }
}

/// <summary>The web host with HALO Trust Cambodia and one of its team leaders, whose organisation the sample files name.</summary>
public sealed class UploadWebFactory : WebFactory
{
    public const string HaloLeader = "halo-leader";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDbAsync(async db =>
        {
            db.Organisations.Add(Organisation.Create(Guid.NewGuid(), "HALO-KHM", "HALO Trust Cambodia", OrganisationKind.Operator, ["KHM"], DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await CreateAccountAsync(new AccountInput(HaloLeader, Roles.FieldOperator, ["KHM"], "HALO-KHM", "Vanna Leader", "Team leader, HALO Trust"));
    }
}
