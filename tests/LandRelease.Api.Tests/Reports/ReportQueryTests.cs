using System.Net;
using System.Net.Http.Headers;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>Bad queries are ProblemDetails, never a 500; the formats are what they say, and the HTML runs no script.</summary>
public sealed class ReportQueryTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    /// <summary>One area with three decisions, made by whichever test of the class runs first.</summary>
    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOperatorAsync();
        if (await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE country_code = 'PHL'") > 0)
        {
            return;
        }

        var area = await _client.NewAreaAsync("PHL", Cells("PHL", 0, 0, 1, 1), dateOfInformation: "2022-01-01",
            contamination: ["AP_MINE", "CLUSTER_MUNITION"]);
        await _client.ReleasedAsync(area, "CANCELLED", Cells("PHL", 0, 0, 0.3, 1), "2024-02-01");
        await _client.ReleasedAsync(area, "REDUCED", Cells("PHL", 0.3, 0, 0.5, 1), "2024-03-01");
        await _client.ReleasedAsync(area, "CLEARED", Cells("PHL", 0.5, 0, 0.6, 1), "2024-04-01");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("/api/reports/countries/PHL?from=2024-13-01", "from")]
    [InlineData("/api/reports/countries/PHL?to=yesterday", "to")]
    [InlineData("/api/reports/countries/PHL?asAt=2024-02-30", "asAt")]
    [InlineData("/api/reports/countries/PHL?year=twenty", "year")]
    [InlineData("/api/reports/countries/PHL?year=2024&from=2024-01-01", "year")]
    [InlineData("/api/reports/countries/PHL?format=xml", "format")]
    [InlineData("/api/reports/countries/PHL/treaty/ccm?year=x", "year")]
    [InlineData("/api/reports/regional?format=pdf", "format")]
    public async Task UnreadableQueriesAre400NamingTheField(string url, string field)
    {
        using var response = await _client.GetAsync(url, Ct);
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("/api/reports/countries/PHL?from=2024-12-31&to=2024-01-01", "period-reversed")]
    [InlineData("/api/reports/countries/PHL?year=1900", "period-out-of-range")]
    [InlineData("/api/reports/countries/PHL?asAt=2999-01-01", "as-at-out-of-range")]
    [InlineData("/api/reports/regional?year=3000", "period-out-of-range")]
    public async Task SensibleLookingButImpossiblePeriodsAre422(string url, string rule)
    {
        using var response = await _client.GetAsync(url, Ct);
        Assert.Contains(rule, await response.AssertViolationsAsync());
    }

    [Fact]
    public async Task AnUnknownCountryIs404AndAnUnofferedMediaTypeIs406()
    {
        using var unknown = await _client.GetAsync("/api/reports/countries/XYZ", Ct);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/countries/PHL");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
        using var xml = await _client.SendAsync(request, Ct);
        await xml.AssertProblemAsync(HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task TheCsvListsEveryFigureAndItsKindsAddUpToItsTotal()
    {
        using var response = await _client.GetAsync("/api/reports/countries/PHL?year=2024&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1]);

        double Value(string name) => double.Parse(rows[name], System.Globalization.CultureInfo.InvariantCulture);
        Releases.ReleaseApi.AssertSqm(Cells("PHL", 0, 0, 0.3, 1).Sqm, Value("released.cancelledSqm"), "cancelled");
        Releases.ReleaseApi.AssertSqm(Cells("PHL", 0.3, 0, 0.5, 1).Sqm, Value("released.reducedSqm"), "reduced");
        Releases.ReleaseApi.AssertSqm(Cells("PHL", 0.5, 0, 0.6, 1).Sqm, Value("released.clearedSqm"), "cleared");
        Assert.Equal(Value("released.totalSqm"),
            Math.Round(Value("released.cancelledSqm") + Value("released.reducedSqm") + Value("released.clearedSqm"), 2));
        Assert.Equal("PHL", rows["report.country"]);
        Assert.True(rows.ContainsKey("devices.destroyed.AP_MINE"));
        Assert.True(rows.ContainsKey("trend.2023.remaining.cha.areaSqm"));
    }

    [Fact]
    public async Task TheHtmlPageHasItsChartsAndMapInlineAndAdmitsOnlyItsOwnStylesheet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/countries/PHL?year=2024");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await _client.SendAsync(request, Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<svg class=\"map\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"remaining-", page, StringComparison.Ordinal);
        Assert.Contains("Philippines", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTreatyTablesComeAsCsvAndHtmlAndSplitReleasedLandByMethod()
    {
        var apmbc = await _client.GetJsonAsync("/api/reports/countries/PHL/treaty/apmbc?year=2024");
        var released = apmbc.GetProperty("releasedByMethod");
        Releases.ReleaseApi.AssertSqm(Cells("PHL", 0, 0, 0.3, 1).Sqm, released.GetProperty("cancelled").GetDouble(), "cancelled");
        Assert.Equal(released.GetProperty("total").GetDouble(), Math.Round(released.GetProperty("cancelled").GetDouble()
            + released.GetProperty("reduced").GetDouble() + released.GetProperty("cleared").GetDouble(), 2));
        var area = Assert.Single(apmbc.GetProperty("areas").EnumerateArray());
        Releases.ReleaseApi.AssertSqm(Cells("PHL", 0.6, 0, 1, 1).Sqm, area.GetProperty("remainingSqm").GetDouble(), "remaining");

        using var csv = await _client.GetAsync("/api/reports/countries/PHL/treaty/ccm?year=2024&format=csv", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("local_id,name,classification,contamination,latitude,longitude,remaining_sqm,date_of_information", text, StringComparison.Ordinal);
        Assert.Contains("SUBMUNITION,0", text, StringComparison.Ordinal);

        using var html = await _client.GetAsync("/api/reports/countries/PHL/treaty/apmbc?year=2024&format=html", Ct);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Form C", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
