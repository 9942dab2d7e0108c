using System.Globalization;
using LandRelease.Web.Reports;
using LandRelease.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace LandRelease.Web.Tests.Reports;

/// <summary>
/// The country page's CSV and XLSX: the figures of the years the page shows, equal to the API's report of the same period,
/// for the same readers as the page (a regional viewer too, without the figures by province), with the page's refusals as
/// ProblemDetails.
/// </summary>
public sealed class CountryDownloadTests(Chromium chromium, SamplesWebFactory web) : IClassFixture<SamplesWebFactory>
{
    private const string Page = "/countries/KHM?from=2016&to=2024";
    private const string Api = "/api/reports/countries/KHM?from=2016-01-01&to=2024-12-31";

    [Fact]
    public async Task TheXlsxHoldsThePagesTablesWithTheApisFigures()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        await browser.GotoAsync(Page);
        var api = await Dashboard.ApiAsync(browser.Page, Api);

        var xlsx = await Dashboard.DownloadAsync(browser.Page, "#download-xlsx");
        Assert.EndsWith("landrelease-khm-2016-2024.xlsx", xlsx, StringComparison.Ordinal);
        Assert.Equal(["About", "Key figures", "By contamination", "Devices", "Trend", "By province"], MiniExcel.GetSheetNames(xlsx));
        var key = Rows(xlsx, "Key figures").ToDictionary(r => (string)r["Figure"]!, r => Convert.ToDouble(r["Value"], CultureInfo.InvariantCulture));
        Assert.Equal(Dashboard.Figure(api, "remaining.cha.areaSqm"), key["Remaining CHA"]);
        Assert.Equal(Dashboard.Figure(api, "remaining.sha.count"), key["Suspected hazardous areas"]);
        Assert.Equal(Dashboard.Figure(api, "released.clearedSqm"), key["Cleared"]);
        Assert.True(key["Cleared"] > 0);
        var mines = Rows(xlsx, "By contamination").Single(r => (string)r["Contamination"]! == "Anti-personnel mines");
        Assert.Equal(Dashboard.Figure(api, "remaining.byContamination.AP_MINE.areaSqm"), Convert.ToDouble(mines["Remaining (m²)"], CultureInfo.InvariantCulture));
        var trend = Rows(xlsx, "Trend");
        Assert.True(Convert.ToInt32(trend[0]["Year"], CultureInfo.InvariantCulture) <= 2016);
        Assert.Equal(2024, Convert.ToInt32(trend[^1]["Year"], CultureInfo.InvariantCulture));
        Assert.Contains(Rows(xlsx, "About"), r => (string)r["Item"]! == "Remaining land as at" && r["Value"] is DateTime d && d == new DateTime(2024, 12, 31));

        var provinces = Rows(xlsx, "By province");
        Assert.Equal(24, provinces.Count(r => r["Code"] is string code && code.StartsWith("KH-", StringComparison.Ordinal)));
        var total = provinces.Single(r => (string)r["Province / district"]! == "Cambodia (country total)");
        foreach (var column in new[] { "Remaining CHA (m²)", "Cleared (m²)", "Released (m²)" })
        {
            var rest = provinces.Where(r => r != total).Sum(r => Convert.ToDouble(r[column], CultureInfo.InvariantCulture));
            Assert.Equal(Convert.ToDouble(total[column], CultureInfo.InvariantCulture), rest, 2);
        }

        Assert.Equal(Dashboard.Figure(api, "released.clearedSqm"), Convert.ToDouble(total["Cleared (m²)"], CultureInfo.InvariantCulture));
        Assert.Contains(provinces, r => r != total && Convert.ToDouble(r["Cleared (m²)"], CultureInfo.InvariantCulture) > 0);

        // GDAL, and so QGIS, reads the same sheets, rows and figures.
        Assert.Equal(["About", "Key figures", "By contamination", "Devices", "Trend", "By province"], await Ogrinfo.SheetsAsync(xlsx));
        Assert.Equal(provinces.Count, await Ogrinfo.RowCountAsync(xlsx, "By province"));
        Assert.Equal(trend.Count, await Ogrinfo.RowCountAsync(xlsx, "Trend"));
        Assert.Equal(Rows(xlsx, "About").Count, await Ogrinfo.RowCountAsync(xlsx, "About"));
        Assert.Equal(Dashboard.Figure(api, "released.clearedSqm"), await Ogrinfo.NumberAsync(xlsx, "Key figures", "Figure", "Cleared", "Value"));
    }

    [Fact]
    public async Task TheCsvHoldsOneFigureALineAndARegionalViewerMayDownloadIt()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.Regional);
        await browser.GotoAsync(Page);
        var api = await Dashboard.ApiAsync(browser.Page, Api);

        var csv = await File.ReadAllLinesAsync(await Dashboard.DownloadAsync(browser.Page, "#download-csv"), TestContext.Current.CancellationToken);
        Assert.Equal("Code,Country,From,To,Table,Row,Column,Value", csv[0]);
        var cha = csv.Single(l => l.StartsWith("KHM,Cambodia,2016,2024,Key figures,Remaining CHA,Value,", StringComparison.Ordinal));
        Assert.Equal(Dashboard.Figure(api, "remaining.cha.areaSqm"), double.Parse(cha.Split(',')[^1], CultureInfo.InvariantCulture));
        Assert.Contains("KHM,Cambodia,2016,2024,Devices,Anti-personnel mines,Destroyed," +
            Dashboard.Figure(api, "devices.destroyed.AP_MINE").ToString("0.##", CultureInfo.InvariantCulture), csv);
        Assert.DoesNotContain(csv, l => l.Contains("coordinates", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, l => l.Contains(",By province,", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/countries/LAO/download.xlsx", 403, "Not your country")]
    [InlineData("/countries/XYZ/download.csv", 404, "No such country")]
    [InlineData("/countries/KHM/download.csv?to=abc", 400, "That year cannot be shown")]
    [InlineData("/countries/KHM/download.xlsx?from=2024&to=2020", 400, "That period cannot be shown")]
    public async Task ABadDownloadAddressIsAProblemNamingWhatIsWrong(string path, int status, string title)
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, web);
        await browser.SignInAsync(WebFactory.Names.AuthorityKhm);
        var response = await browser.Page.APIRequest.GetAsync(path);
        Assert.Equal(status, response.Status);
        Assert.StartsWith("application/problem+json", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains(title, await response.TextAsync(), StringComparison.Ordinal);
    }

    private static List<IDictionary<string, object?>> Rows(string xlsx, string sheet) =>
        [.. MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
}
