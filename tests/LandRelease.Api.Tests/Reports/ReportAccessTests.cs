using System.Net;
using LandRelease.Api.Tests.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// Who reads which report. Users of a country see its reports whole; regional viewers and administrators see
/// aggregates (never where land not yet released lies); another country's users see nothing.
/// </summary>
public sealed class ReportAccessTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static readonly string[] Who = ["anonymous", "fo-khm-cmac", "fo-khm-halo", "fo-lao", "na-khm", "na-lao", "regional-viewer", "admin"];

    public static TheoryData<string, int[]> Matrix => new()
    {
        { "/api/reports/countries/KHM?year=2024", [401, 200, 200, 403, 200, 403, 200, 200] },
        { "/api/reports/countries/KHM/treaty/apmbc?year=2024", [401, 200, 200, 403, 200, 403, 403, 403] },
        { "/api/reports/countries/KHM/treaty/ccm?year=2024", [401, 200, 200, 403, 200, 403, 403, 403] },
        { "/api/reports/regional?year=2024", [401, 403, 403, 403, 200, 200, 200, 200] },
        { "/api/reports/status", [401, 200, 200, 200, 200, 200, 200, 200] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachRoleGetsWhatTheMatrixSays(string url, int[] expected)
    {
        for (var i = 0; i < Who.Length; i++)
        {
            using var response = await world.Client(Who[i]).GetAsync(url, Ct);
            Assert.True((int)response.StatusCode == expected[i], $"{Who[i]} GET {url}: expected {expected[i]}, got {(int)response.StatusCode}");
            if (expected[i] is 403)
            {
                await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
    }

    [Fact]
    public async Task ARegionalViewerSeesTheFiguresButNoMapOfLandNotYetReleased()
    {
        var full = await world.Client("na-khm").ReportAsync("KHM", "year=2024");
        var aggregates = await world.Client("regional-viewer").ReportAsync("KHM", "year=2024");

        Assert.Equal("full", full.GetProperty("access").GetString());
        Assert.Equal("aggregates", aggregates.GetProperty("access").GetString());
        Assert.Equal(full.Figure("remaining.cha.areaSqm"), aggregates.Figure("remaining.cha.areaSqm"));
        Assert.True(full.Figure("remaining.cha.count") >= 1);
        Assert.NotEmpty(full.GetProperty("map").GetProperty("remaining").EnumerateArray());
        Assert.False(aggregates.GetProperty("map").TryGetProperty("remaining", out var hidden) && hidden.ValueKind != System.Text.Json.JsonValueKind.Null);

        using var html = await world.Client("regional-viewer").GetAsync("/api/reports/countries/KHM?year=2024&format=html", Ct);
        var page = await html.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.DoesNotContain("class=\"remaining-", page, StringComparison.Ordinal);
        Assert.Contains("aggregates only", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTreatyTableListsTheCountrysMinedAreasForItsOwnUsers()
    {
        var table = await world.Client("na-khm").GetJsonAsync("/api/reports/countries/KHM/treaty/apmbc?year=2024");
        var area = Assert.Single(table.GetProperty("areas").EnumerateArray(), a => a.GetProperty("localId").GetString() == AccessWorld.KhmLocalId);
        Assert.InRange(area.GetProperty("latitude").GetDouble(), Features.Lat, Features.Lat + 0.002);
        Assert.InRange(area.GetProperty("longitude").GetDouble(), Features.Lon, Features.Lon + 0.002);
        Assert.Equal("APMBC", table.GetProperty("convention").GetString());
    }

    [Fact]
    public async Task TheRegionalReportHasTheTenCountriesAsAggregatesOnly()
    {
        var regional = await world.Client("regional-viewer").GetJsonAsync("/api/reports/regional?year=2024");
        var countries = regional.GetProperty("countries").EnumerateArray().ToList();

        Assert.Equal(ApiFactory.AllCountries.Order(), countries.Select(c => c.GetProperty("code").GetString()).Order());
        var khm = countries.Single(c => c.GetProperty("code").GetString() == "KHM");
        Assert.True(khm.Figure("remaining.cha.count") >= 1);
        Assert.True(khm.TryGetProperty("released", out var released) && released.TryGetProperty("totalSqm", out _));
        var text = regional.GetRawText();
        Assert.DoesNotContain("\"map\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("latitude", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessWorld.KhmLocalId, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAdministratorsReadFailureMessagesInTheStatus()
    {
        var status = await world.Client("regional-viewer").GetJsonAsync("/api/reports/status");
        Assert.Equal(10, status.GetProperty("countries").GetArrayLength());
        Assert.All(status.GetProperty("countries").EnumerateArray(), c => Assert.Equal(System.Text.Json.JsonValueKind.Null, c.GetProperty("failure").ValueKind));
        Assert.True(status.GetProperty("queue").TryGetProperty("enqueued", out _));
    }

    [Theory]
    [InlineData("fo-lao", new[] { "LAO" })]
    [InlineData("na-khm", new[] { "KHM" })]
    [InlineData("admin", new[] { "BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM" })]
    public async Task TheStatusShowsEachUserTheCountriesOfItsToken(string identity, string[] countries)
    {
        var status = await world.Client(identity).GetJsonAsync("/api/reports/status");

        Assert.Equal(countries, status.GetProperty("countries").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToArray());
        Assert.All(status.GetProperty("differences").EnumerateArray(), d => Assert.Contains(d.GetProperty("countryCode").GetString(), countries));
    }
}
