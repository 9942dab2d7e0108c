using System.Net;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.AdminAreas.AdminAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.AdminAreas;

/// <summary>
/// The country report placed in administrative areas by SQL: land across a boundary split exactly, land outside every
/// area in a row of its own, and each level's rows adding up to the country's figures. Expected m² are the rectangles'
/// ellipsoidal areas worked out in the test. Each test owns its country.
/// </summary>
public sealed class AdminAreaReportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOperatorAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnAreaAcrossABoundaryIsSplitAndEveryLevelAddsUpToTheCountry()
    {
        const string c = "LAO";
        // Provinces West and East share the meridian at +0.01°; district West-1 is West's southern half; land at +0.2° is in none.
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(
            Area("LA-W", "West", 1, null, Cells(c, -10, -10, 1, 10)),
            Area("LA-E", "East", 1, null, Cells(c, 1, -10, 10, 10)),
            Area("LA-W-1", "West One", 2, "LA-W", Cells(c, -10, -10, 1, 0.5))), Query(c)));
        var across = await _client.NewAreaAsync(c, Cells(c, 0, 0, 2, 1), "CHA");
        await _client.NewAreaAsync(c, Cells(c, 3, 0, 4, 1), "SHA");
        await _client.NewAreaAsync(c, Cells(c, 20, 0, 21, 1), "SHA");
        // Cleared across the boundary too: half of it in each province.
        await _client.ReleasedAsync(across, "CLEARED", Cells(c, 0.5, 0, 1.5, 1), "2024-05-01");

        var report = await _client.ReportAsync(c, "year=2024");
        var rows = Rows(report);

        var west = rows.Single(r => r.GetProperty("code").GetString() == "LA-W");
        Near(Cells(c, 0, 0, 0.5, 1).Sqm, west, "remainingChaSqm");
        Near(Cells(c, 0.5, 0, 1, 1).Sqm, west, "releasedClearedSqm");
        Assert.Equal(1, west.GetProperty("remainingAreas").GetInt64());
        var east = rows.Single(r => r.GetProperty("code").GetString() == "LA-E");
        Near(Cells(c, 1.5, 0, 2, 1).Sqm, east, "remainingChaSqm");
        Near(Cells(c, 3, 0, 4, 1).Sqm, east, "remainingShaSqm");
        Near(Cells(c, 1, 0, 1.5, 1).Sqm, east, "releasedClearedSqm");
        Assert.Equal(2, east.GetProperty("remainingAreas").GetInt64());
        var district = rows.Single(r => r.GetProperty("code").GetString() == "LA-W-1");
        Assert.Equal("LA-W", district.GetProperty("parentCode").GetString());
        Near(Cells(c, 0, 0, 0.5, 0.5).Sqm, district, "remainingChaSqm");
        Near(Cells(c, 0.5, 0, 1, 0.5).Sqm, district, "releasedClearedSqm");

        var outside = rows.Single(r => r.GetProperty("code").ValueKind == JsonValueKind.Null && r.GetProperty("level").GetInt32() == 1);
        Near(Cells(c, 20, 0, 21, 1).Sqm, outside, "remainingShaSqm");
        Near(0, outside, "releasedClearedSqm");

        // Each level, with its outside row, adds up to the country's published figures exactly.
        foreach (var level in new[] { 1, 2 })
        {
            var ofLevel = rows.Where(r => r.GetProperty("level").GetInt32() == level).ToList();
            Assert.Equal(report.Figure("remaining.sha.areaSqm"), Math.Round(ofLevel.Sum(r => r.GetProperty("remainingShaSqm").GetDouble()), 2));
            Assert.Equal(report.Figure("remaining.cha.areaSqm"), Math.Round(ofLevel.Sum(r => r.GetProperty("remainingChaSqm").GetDouble()), 2));
            Assert.Equal(report.Figure("released.clearedSqm"), Math.Round(ofLevel.Sum(r => r.GetProperty("releasedClearedSqm").GetDouble()), 2));
            Assert.Equal(report.Figure("released.totalSqm"), Math.Round(ofLevel.Sum(r => r.GetProperty("releasedSqm").GetDouble()), 2));
        }

        // The CSV carries the same rows; a regional viewer keeps the country's totals only.
        using var csv = await _client.GetAsync($"/api/reports/countries/{c}?year=2024&format=csv", Ct);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"adminArea.LA-E.released.clearedSqm,{east.GetProperty("releasedClearedSqm").GetDouble().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}", text);
        Assert.Contains("adminArea.outside.1.remaining.sha.areaSqm,", text);
        using var regional = api.ClientAs([Roles.RegionalViewer], [], null);
        var aggregates = await regional.ReportAsync(c, "year=2024");
        Assert.Empty(aggregates.GetProperty("byAdminArea").EnumerateArray());
    }

    [Fact]
    public async Task ACountryWithoutBoundariesHasNoRowsAndNewBoundariesPlaceEveryYear()
    {
        const string c = "PHL";
        await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), "SHA", dateOfInformation: "2020-01-01");
        Assert.Empty(Rows(await _client.ReportAsync(c, "year=2021")));

        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(
            Area("PH-A", "A", 1, null, Cells(c, -10, -10, 10, 10))), Query(c)));

        // Loaded today, the boundaries place a past year's figures too.
        var row = Rows(await _client.ReportAsync(c, "year=2021")).Single(r => r.GetProperty("code").GetString() == "PH-A");
        Near(Cells(c, 0, 0, 1, 1).Sqm, row, "remainingShaSqm");
    }

    private static List<JsonElement> Rows(JsonElement report) => [.. report.GetProperty("byAdminArea").EnumerateArray()];

    /// <summary>Within 0.05% or 1 m², as the other report tests.</summary>
    private static void Near(double expected, JsonElement row, string name)
    {
        var actual = row.GetProperty(name).GetDouble();
        Assert.True(Math.Abs(expected - actual) <= Math.Max(1, expected * 5e-4), $"{name}: expected {expected:F2}, got {actual:F2}");
    }
}
