using System.Globalization;
using System.Net;
using System.Text.Json;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// The regional comparison: states by name, "no data reported" as null (never a row of zeros), an ASEAN total that adds
/// up the published rows, a trend by year, and its CSV and HTML saying the same.
/// </summary>
public sealed class RegionalReportTests(RegionalWorld world) : IClassFixture<RegionalWorld>
{
    private static readonly string[] ByName = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"];

    [Fact]
    public async Task StatesComeInOrderOfTheirNamesAndOnlyThoseThatReportedHaveFigures()
    {
        var regional = await world.Viewer.GetJsonAsync("/api/reports/regional?year=2024");
        var countries = regional.GetProperty("countries").EnumerateArray().ToList();

        Assert.Equal(ByName, countries.Select(c => c.GetProperty("code").GetString()).ToArray());
        var brunei = countries[0];
        Assert.False(brunei.GetProperty("reported").GetBoolean());
        Assert.Equal(JsonValueKind.Null, brunei.GetProperty("remaining").ValueKind);
        Assert.Equal(JsonValueKind.Null, brunei.GetProperty("released").ValueKind);

        // Laos cleared everything it registered: a reported zero, not "no data".
        var laos = countries.Single(c => c.GetProperty("code").GetString() == "LAO");
        Assert.True(laos.GetProperty("reported").GetBoolean());
        Assert.Equal(2023, laos.GetProperty("reportedSince").GetInt32());
        Assert.Equal(0, laos.Figure("remaining.sha.areaSqm"));

        var cambodia = countries.Single(c => c.GetProperty("code").GetString() == "KHM");
        AssertSqm(Cells("KHM", 0.4, 0, 1, 1).Sqm, cambodia, "remaining.cha.areaSqm");
        AssertSqm(Cells("KHM", 0, 0, 0.4, 1).Sqm, cambodia, "released.clearedSqm");
    }

    [Fact]
    public async Task TheAseanTotalAddsUpThePublishedFiguresOfTheStatesThatReported()
    {
        var regional = await world.Viewer.GetJsonAsync("/api/reports/regional?year=2024");
        var total = regional.GetProperty("total");
        var reporting = regional.GetProperty("countries").EnumerateArray().Where(c => c.GetProperty("reported").GetBoolean()).ToList();

        Assert.Equal(2, total.GetProperty("countriesReporting").GetInt32());
        foreach (var figure in new[] { "remaining.sha.areaSqm", "remaining.cha.areaSqm", "remaining.cha.count", "released.clearedSqm",
                     "released.totalSqm", "devices.destroyed.AP_MINE" })
        {
            Assert.Equal(Math.Round(reporting.Sum(c => c.Figure(figure)), 2), total.Figure(figure));
        }

        // 2022: nobody had reported; 2023: both had, Laos's cancellation in it.
        var trend = regional.GetProperty("trend").EnumerateArray().ToDictionary(t => t.GetProperty("year").GetInt32());
        Assert.Equal(2023, trend.Keys.Min());
        Assert.Equal(2, trend[2023].GetProperty("countriesReporting").GetInt32());
        AssertSqm(Cells("LAO", 0, 0, 1, 1).Sqm, trend[2023], "released.cancelledSqm");
        AssertSqm(Cells("KHM", 0, 0, 1, 1).Sqm, trend[2023], "remaining.cha.areaSqm");
        Assert.Equal(total.Figure("released.totalSqm"), trend[2024].Figure("released.totalSqm"));

        var cambodiaTrend = reporting.Single(c => c.GetProperty("code").GetString() == "KHM").GetProperty("trend").EnumerateArray().ToList();
        Assert.Contains(cambodiaTrend, t => t.GetProperty("year").GetInt32() == 2023 && t.GetProperty("reported").GetBoolean());
    }

    [Fact]
    public async Task AYearBeforeAnyRecordIsNoDataForEveryStateNotZero()
    {
        var regional = await world.Viewer.GetJsonAsync("/api/reports/regional?year=2022");

        Assert.All(regional.GetProperty("countries").EnumerateArray(), c => Assert.False(c.GetProperty("reported").GetBoolean()));
        Assert.Equal(0, regional.GetProperty("total").GetProperty("countriesReporting").GetInt32());
        Assert.Equal(JsonValueKind.Null, regional.GetProperty("total").GetProperty("remaining").ValueKind);
    }

    [Fact]
    public async Task TheCsvHasARowPerStateInThePagesOrderThenTheTotalAndLeavesNoDataEmpty()
    {
        using var response = await world.Viewer.GetAsync("/api/reports/regional?year=2024&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',')).ToList();
        var header = rows[0].ToList();

        Assert.Equal([.. ByName, "ASEAN"], rows.Skip(1).Select(r => r[1]).ToArray());
        var brunei = rows[1];
        Assert.Equal("false", brunei[header.IndexOf("reported")]);
        Assert.Equal("", brunei[header.IndexOf("remaining.cha.areaSqm")]);
        double Cell(string[] row, string figure) => double.Parse(row[header.IndexOf(figure)], CultureInfo.InvariantCulture);
        var states = rows.Skip(1).Take(10).Where(r => r[header.IndexOf("reported")] == "true").ToList();
        Assert.Equal(Math.Round(states.Sum(r => Cell(r, "remaining.cha.areaSqm")), 2), Cell(rows[^1], "remaining.cha.areaSqm"));
    }

    [Fact]
    public async Task TheHtmlSaysNoDataReportedAndEndsWithTheTotalRowWithoutGeometry()
    {
        using var response = await world.Viewer.GetAsync("/api/reports/regional?year=2024&format=html", Ct);
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, page.Split("No data reported").Length - 1 - 1);
        Assert.Contains("ASEAN total (2 of 10 states reporting)", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("Brunei", StringComparison.Ordinal) < page.IndexOf("Cambodia", StringComparison.Ordinal));
        Assert.True(page.IndexOf("Cambodia", StringComparison.Ordinal) < page.IndexOf("Indonesia", StringComparison.Ordinal));

        var json = (await world.Viewer.GetJsonAsync("/api/reports/regional?year=2024")).GetRawText();
        Assert.DoesNotContain("coordinates", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"map\"", json, StringComparison.Ordinal);
    }
}
