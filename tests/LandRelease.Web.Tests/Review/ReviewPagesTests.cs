using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using LandRelease.Api.Releases;
using LandRelease.Data;
using LandRelease.Domain.Releases;
using LandRelease.Web.Tests.Infrastructure;
using LandRelease.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Web.Tests.Review;

/// <summary>
/// The national authority's review workspace in Chromium, on the samples: the queue, the preview and map of a decision,
/// every move from the page, a refused zero-credit approval, and the numbered certificate as an A4 PDF.
/// </summary>
public sealed class ReviewPagesTests(Chromium chromium, SamplesWebFactory web) : IClassFixture<SamplesWebFactory>
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>Drafts and submits, as CMAC, a decision over the whole of a sample area; returns its id.</summary>
    private async Task<Guid> SubmittedOverWholeAreaAsync(string localId, string kind, string date)
    {
        await using var scope = web.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LandReleaseDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<ReleaseDecisionService>();
        var area = await db.HazardAreas.AsNoTracking().SingleAsync(a => a.LocalId == localId);
        var user = UserScope.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(TokenClaims.Name, "operator-khm"), new Claim(TokenClaims.Role, Roles.FieldOperator), new Claim(TokenClaims.Country, "KHM"),
             new Claim(TokenClaims.Organisation, "CMAC")], "test")));
        var draft = await service.DraftAsync(new ReleaseDecisionRequest
        {
            HazardAreaId = area.Id, Kind = kind, Geometry = JsonSerializer.SerializeToElement(area.Geometry, GeoJson),
            Organisation = "CMAC", DateOfInformation = date, Notes = "Village chief interviewed again",
        }, user, CancellationToken.None);
        var id = Assert.IsType<DecisionOutcome.Done>(draft).Decision.Id;
        Assert.IsType<DecisionOutcome.Done>(await service.MoveAsync(id, WorkflowAction.Submit, null, user, CancellationToken.None));
        return id;
    }

    private static async Task MoveAsync(IPage page, string button, string? reason = null)
    {
        if (reason is not null)
        {
            await page.GetByLabel("Reason (required to reject or revoke)").FillAsync(reason);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Fact]
    public async Task AnOfficerFindsTheQueueRefusesAZeroCreditApprovalAndTakesADecisionFromApprovalToRevocation()
    {
        var handedOverAgain = await SubmittedOverWholeAreaAsync("KHM-BTB-0004", "CANCELLED", "2024-01-01");
        var sampleSubmitted = await web.WithDbAsync(db => db.ReleaseDecisions.Where(d => d.State == DecisionState.Submitted && d.Id != handedOverAgain)
            .Select(d => d.Id).SingleAsync());
        await using var browser = await BrowserSession.OpenAsync(chromium, web, width: 1600, height: 1000);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm, returnUrl: "/review");
        var page = browser.Page;

        // The queue: both submitted decisions with local id, operator, submitted date, kind and m²; sortable.
        var rows = page.Locator("#review-queue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#review-queue")).ToContainTextAsync("KHM-BTB-0004");
        await Assertions.Expect(page.Locator("#review-queue")).ToContainTextAsync("KHM-BTB-0008");
        await Assertions.Expect(page.Locator("#review-queue")).ToContainTextAsync("Cancelled (NTS)");
        await browser.ScreenshotAsync("queue");
        await browser.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "m²" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=area&dir=asc"));
        await browser.GotoAsync("/review?sort=colour", expectedStatus: 400);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Unknown sort");

        // Land handed over in 2016, submitted again: the preview says it credits nothing, and approval is refused.
        await browser.GotoAsync($"/review/{handedOverAgain}");
        await Assertions.Expect(page.Locator("#credit")).ToHaveTextAsync("0 m²");
        await Assertions.Expect(page.Locator("#credits-nothing")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#overlaps")).ToContainTextAsync("that decision (earlier)");
        browser.ExpectFailure($"/review/{handedOverAgain}");
        await MoveAsync(page, "Approve");
        await Assertions.Expect(page.Locator("#move-refused")).ToContainTextAsync("released already");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Submitted");
        await browser.ScreenshotAsync("refused");
        await MoveAsync(page, "Reject");
        await Assertions.Expect(page.Locator("#move-refused")).ToContainTextAsync("reason");
        await MoveAsync(page, "Reject", "Land handed over in 2016 (KHM-BTB-0004); nothing left to release");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Rejected");

        // The sample's submitted reduction: preview and map, then every move the authority makes.
        await browser.GotoAsync($"/review/{sampleSubmitted}");
        await Assertions.Expect(page.Locator("#review-map")).ToHaveAttributeAsync("data-state", "drawn", new() { Timeout = 30_000 });
        var preview = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/release-decisions/{sampleSubmitted}/preview")).TextAsync()).RootElement;
        await Assertions.Expect(page.Locator("#credit")).ToHaveTextAsync(preview.GetProperty("creditSqm").GetDouble().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " m²");
        await browser.ScreenshotAsync("decision");
        await browser.AssertAccessibleAsync();
        await MoveAsync(page, "Approve");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Approved");
        await MoveAsync(page, "Certify");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Certified");
        var number = await web.WithDbAsync(db => db.ReleaseDecisions.Where(d => d.Id == sampleSubmitted).Select(d => d.CertificateNumber).SingleAsync());
        Assert.Matches($"^KHM-{DateTime.UtcNow.Year}-\\d{{6}}$", number);
        await Assertions.Expect(page.Locator("h1 + p.lead")).ToContainTextAsync(number!);
        await MoveAsync(page, "Hand over");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Handed over");

        // The certificate an authority signs: A4 PDF whose text has the number, the local id and the m².
        // The first PDF starts Chromium on the server: slow on a loaded machine.
        var pdf = await page.APIRequest.GetAsync($"/api/release-decisions/{sampleSubmitted}/certificate?format=pdf", new() { Timeout = 90_000 });
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var pdfPath = Path.Combine(BrowserSession.ScreenshotDirectory, "ReviewPagesTests.certificate.pdf");
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await File.WriteAllBytesAsync(pdfPath, await pdf.BodyAsync(), TestContext.Current.CancellationToken);
        // Lines of the facts table wrap where the column ends: read the text as one line.
        var text = System.Text.RegularExpressions.Regex.Replace(await RunAsync("pdftotext", "-layout", pdfPath, "-"), @"\s+", " ");
        Assert.Contains(number!, text, StringComparison.Ordinal);
        Assert.Contains("KHM-BTB-0008", text, StringComparison.Ordinal);
        Assert.Contains(preview.GetProperty("creditSqm").GetDouble().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " m²", text, StringComparison.Ordinal);
        Assert.Contains("Sokha Chan, Database manager, CMAA", text, StringComparison.Ordinal);
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdfPath, Path.Combine(BrowserSession.ScreenshotDirectory, "ReviewPagesTests.certificate"));

        browser.ExpectFailure($"/review/{sampleSubmitted}");
        await MoveAsync(page, "Revoke");
        await Assertions.Expect(page.Locator("#move-refused")).ToContainTextAsync("reason");
        await MoveAsync(page, "Revoke", "Device found during post-clearance inspection");
        await Assertions.Expect(page.Locator("#decision-state")).ToHaveTextAsync("Revoked");
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
        return output;
    }
}
