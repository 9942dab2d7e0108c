using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Certificates.CertificateApi;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>
/// Numbers from the country's sequence given at certification; the newly released m² and the land released before,
/// by which decision; the A4 PDF printed by Chromium from the same HTML, read back with poppler's pdftotext and pdffonts.
/// </summary>
public sealed class CertificateNumberAndPdfTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Box(double west, double south, double east, double north) =>
        Features.Polygon((west, south), (east, south), (east, north), (west, north), (west, south));

    private async Task<string?> NumberAsync(Guid id) =>
        (await _client.GetJsonAsync($"/api/release-decisions/{id}")).Props().GetProperty("certificateNumber").GetString();

    [Fact]
    public async Task CertifyingGivesTheNextNumberOfTheCountrysSequenceAndTheCertificateCarriesIt()
    {
        var areaId = await _client.CreateAreaAsync();
        var first = await _client.ApprovedAsync(areaId, Box(103.856, 13.356, 103.858, 13.358));
        var second = await _client.ApprovedAsync(areaId, Box(103.860, 13.360, 103.862, 13.362));
        Assert.Null(await NumberAsync(first));

        await _client.MoveAsync(first, "certify");
        await _client.MoveAsync(second, "certify");

        var year = DateTime.UtcNow.Year;
        var a = await NumberAsync(first);
        var b = await NumberAsync(second);
        Assert.Matches($"^KHM-{year}-\\d{{6}}$", a);
        Assert.Equal(long.Parse(a![^6..]) + 1, long.Parse(b![^6..]));
        await _client.MoveAsync(first, "hand-over");
        Assert.Equal(a, await NumberAsync(first));
        Assert.Contains(a, await (await _client.GetCertificateAsync(first)).AssertCertificateAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApprovedButUncertifiedDecisionSaysItHasNoNumberYet()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Box(103.856, 13.356, 103.858, 13.358));

        var html = await (await _client.GetCertificateAsync(id)).AssertCertificateAsync();

        Assert.Contains("Not yet certified", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APartialOverlapCertificateStatesTheNewLandAndWhatWasReleasedBeforeByWhichDecision()
    {
        var areaId = await _client.CreateAreaAsync();
        var earlier = await _client.ApprovedAsync(areaId, Box(103.856, 13.356, 103.860, 13.360));
        var later = await _client.DraftAsync(areaId, Box(103.858, 13.356, 103.862, 13.360));
        await _client.MoveAsync(later, "submit", "approve");
        var credited = (await _client.GetJsonAsync($"/api/release-decisions/{later}")).Props().GetProperty("creditedAreaSqm").GetDouble();

        var html = await (await _client.GetCertificateAsync(later)).AssertCertificateAsync();

        Assert.Equal(credited, Figure(html, "Area released", "m²"), 1.0);
        Assert.Contains("Released before", html, StringComparison.Ordinal);
        Assert.Contains(earlier.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("class=\"other-released\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePdfIsA4AndItsTextHoldsTheNumberTheLocalIdAndTheSquareMetres()
    {
        var areaId = await _client.CreateAreaAsync("ស្រែខាងជើងវត្ត");
        var id = await _client.ApprovedAsync(areaId, Box(103.856, 13.356, 103.858, 13.358));
        await _client.MoveAsync(id, "certify");
        var number = await NumberAsync(id);
        var props = (await _client.GetJsonAsync($"/api/release-decisions/{id}")).Props();
        var localId = (await _client.GetJsonAsync($"/api/hazard-areas/{areaId}")).Props().GetProperty("localId").GetString()!;

        var byQuery = await _client.GetAsync($"/api/release-decisions/{id}/certificate?format=pdf", Ct);
        using var accept = new HttpRequestMessage(HttpMethod.Get, $"/api/release-decisions/{id}/certificate");
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        var byAccept = await _client.SendAsync(accept, Ct);

        Assert.Equal(HttpStatusCode.OK, byQuery.StatusCode);
        Assert.Equal("application/pdf", byQuery.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/pdf", byAccept.Content.Headers.ContentType?.MediaType);
        var pdf = Path.Combine(Path.GetTempPath(), $"certificate-{id}.pdf");
        await File.WriteAllBytesAsync(pdf, await byQuery.Content.ReadAsByteArrayAsync(Ct), Ct);
        var text = await RunAsync("pdftotext", "-layout", pdf, "-");
        Assert.Contains(number!, text, StringComparison.Ordinal);
        Assert.Contains(localId, text, StringComparison.Ordinal);
        Assert.Contains(props.GetProperty("creditedAreaSqm").GetDouble().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " m²", text, StringComparison.Ordinal);
        var info = await RunAsync("pdfinfo", pdf);
        Assert.Matches(@"Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)", info);
        // The Khmer name is drawn in a Khmer font (shaped by Chromium's HarfBuzz), not in boxes of a Latin one.
        Assert.Contains("Khmer", await RunAsync("pdffonts", pdf), StringComparison.Ordinal);
        File.Delete(pdf);
    }

    [Fact]
    public async Task AnUnknownFormatIsRefusedNamingIt()
    {
        var id = await _client.ApprovedAsync(await _client.CreateAreaAsync(), Box(103.856, 13.356, 103.858, 13.358));

        var problem = await (await _client.GetAsync($"/api/release-decisions/{id}/certificate?format=docx", Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("docx", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync(Ct)}");
        return output;
    }
}
