using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// Country figures against hand-computed fixtures. Every expected m² comes from the rectangles' ellipsoidal areas worked
/// out in the test (Box.Sqm), never from PostGIS. Each test owns one country (figures sum a whole country).
/// </summary>
public sealed class ReportFigureTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOperatorAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task OverlappingCancelledThenClearedLandCountsOnceAcrossOverlappingAreasAndTheKindsAddUpToTheTotal()
    {
        const string c = "KHM";
        // Two registered areas over the same ground: A (SHA) and B (CHA), overlapping over A's eastern half.
        var a = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), "SHA");
        var b = await _client.NewAreaAsync(c, Cells(c, 0.5, 0, 1.5, 1), "CHA");
        await _client.ReleasedAsync(a, "CANCELLED", Cells(c, 0, 0, 0.5, 1), "2024-02-01");
        // Cleared later over half of the cancelled land: only the new half counts, as cleared.
        await _client.ReleasedAsync(a, "CLEARED", Cells(c, 0.25, 0, 0.75, 1), "2024-06-01");
        // Cleared in B, over land A's clearance already released: another area, the same ground, counted once.
        await _client.ReleasedAsync(b, "CLEARED", Cells(c, 0.5, 0, 1, 1), "2024-09-01");

        var report = await _client.ReportAsync(c, "year=2024");

        AssertSqm(Cells(c, 0, 0, 0.5, 1).Sqm, report, "released.cancelledSqm");
        Assert.Equal(0, report.Figure("released.reducedSqm"));
        AssertSqm(Cells(c, 0.5, 0, 1, 1).Sqm, report, "released.clearedSqm");
        AssertSqm(Cells(c, 0, 0, 1, 1).Sqm, report, "released.totalSqm");
        Assert.Equal(report.Figure("released.totalSqm"),
            Math.Round(report.Figure("released.cancelledSqm") + report.Figure("released.reducedSqm") + report.Figure("released.clearedSqm"), 2));

        // Remaining at the year's end, area by area: A less [0, 0.75], B less [0.5, 1].
        Assert.Equal(1, report.Figure("remaining.sha.count"));
        AssertSqm(Cells(c, 0.75, 0, 1, 1).Sqm, report, "remaining.sha.areaSqm");
        Assert.Equal(1, report.Figure("remaining.cha.count"));
        AssertSqm(Cells(c, 1, 0, 1.5, 1).Sqm, report, "remaining.cha.areaSqm");
        Assert.Equal(2, report.Figure("remaining.byContamination.AP_MINE.count"));
        AssertSqm(Cells(c, 0.75, 0, 1, 1).Sqm + Cells(c, 1, 0, 1.5, 1).Sqm, report, "remaining.byContamination.AV_MINE.areaSqm");
        Assert.Equal(0, report.Figure("remaining.byContamination.CLUSTER_MUNITION.count"));

        // The clearance over cancelled land of the same area is a quality incident; its overlap counted once.
        Assert.Equal(1, report.Figure("incidents.count"));
        Assert.Equal(1, report.Figure("incidents.byKind.CANCELLED_LAND_REWORKED"));
        AssertSqm(Cells(c, 0.25, 0, 0.5, 1).Sqm, report, "incidents.overlapSqm");

        // The year before: both areas whole, nothing released.
        var before = report.TrendYear(2023);
        AssertSqm(Cells(c, 0, 0, 1, 1).Sqm, before, "remaining.sha.areaSqm");
        AssertSqm(Cells(c, 0.5, 0, 1.5, 1).Sqm, before, "remaining.cha.areaSqm");
        Assert.Equal(0, before.Figure("released.totalSqm"));
        AssertSqm(Cells(c, 0, 0, 1, 1).Sqm, report.TrendYear(2024), "released.totalSqm");
    }

    [Fact]
    public async Task ALateDecisionDatedInAPastYearChangesThatYearAndOnlyReportsAsAtADateAfterItWasRecorded()
    {
        const string c = "LAO";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        // The area was recorded back in 2023 (a test cannot wait years; the register keeps when it learned each version).
        Assert.Equal(1, await api.OwnerScalarAsync<long>(
            "WITH v AS (UPDATE hazard_area_versions SET recorded_at = '2023-02-01Z' WHERE hazard_area_id = $1 RETURNING 1) SELECT count(*) FROM v", area));
        var before = await _client.ReportAsync(c, "year=2023");
        Assert.Equal(0, before.Figure("released.totalSqm"));

        // Cleared in May 2023, recorded and approved only now.
        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.4, 1), "2023-05-01");

        var year2023 = await _client.ReportAsync(c, "year=2023");
        AssertSqm(Cells(c, 0, 0, 0.4, 1).Sqm, year2023, "released.clearedSqm");
        AssertSqm(Cells(c, 0.4, 0, 1, 1).Sqm, year2023, "remaining.cha.areaSqm");
        var thisYear = await _client.ReportAsync(c, $"year={DateTime.UtcNow.Year}");
        Assert.Equal(0, thisYear.Figure("released.totalSqm"));
        AssertSqm(Cells(c, 0.4, 0, 1, 1).Sqm, thisYear, "remaining.cha.areaSqm");

        // As recorded by the end of 2024 the clearance was unknown; as recorded by today it counts.
        var asAtBefore = await _client.ReportAsync(c, "from=2023-01-01&to=2023-12-31&asAt=2024-12-31");
        Assert.Equal(0, asAtBefore.Figure("released.totalSqm"));
        AssertSqm(Cells(c, 0, 0, 1, 1).Sqm, asAtBefore, "remaining.cha.areaSqm");
        Assert.Equal("2024-12-31", asAtBefore.GetProperty("asAt").GetString());
        var asAtToday = await _client.ReportAsync(c, $"from=2023-01-01&to=2023-12-31&asAt={DateTime.UtcNow:yyyy-MM-dd}");
        AssertSqm(Cells(c, 0, 0, 0.4, 1).Sqm, asAtToday, "released.clearedSqm");
    }

    [Fact]
    public async Task ARevokedDecisionCountsUntilItsRevocationTakesEffectAndItsLandRemainsAfterwards()
    {
        const string c = "THA";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var reduced = await _client.ReleasedAsync(area, "REDUCED", Cells(c, 0, 0, 0.6, 1), "2023-03-01");
        await Releases.ReleaseApi.MovedAsync(_client, reduced, "revoke", "Devices found on the reduced land", "2025-02-01");
        // Cleared in 2024 over part of the reduced land, which still counted then.
        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0.4, 0, 0.8, 1), "2024-01-01");

        var year2023 = await _client.ReportAsync(c, "year=2023");
        AssertSqm(Cells(c, 0, 0, 0.6, 1).Sqm, year2023, "released.reducedSqm");
        AssertSqm(Cells(c, 0.6, 0, 1, 1).Sqm, year2023, "remaining.cha.areaSqm");
        var year2024 = await _client.ReportAsync(c, "year=2024");
        Assert.Equal(0, year2024.Figure("released.reducedSqm"));
        AssertSqm(Cells(c, 0.6, 0, 0.8, 1).Sqm, year2024, "released.clearedSqm");
        AssertSqm(Cells(c, 0.8, 0, 1, 1).Sqm, year2024, "remaining.cha.areaSqm");
        var year2025 = await _client.ReportAsync(c, "year=2025");
        Assert.Equal(0, year2025.Figure("released.totalSqm"));
        AssertSqm(Cells(c, 0, 0, 0.4, 1).Sqm + Cells(c, 0.8, 0, 1, 1).Sqm, year2025, "remaining.cha.areaSqm");
        // A period running past the revocation: the reduced land no longer counts at its end, so the clearance is
        // credited with all its land.
        var span = await _client.ReportAsync(c, "from=2023-01-01&to=2025-12-31");
        Assert.Equal(0, span.Figure("released.reducedSqm"));
        AssertSqm(Cells(c, 0.4, 0, 0.8, 1).Sqm, span, "released.clearedSqm");

        // The nightly rebuild (clusters, evaluated year by year where a revocation changes who counts) agrees.
        var rebuild = await api.Services.GetRequiredService<Data.Reports.ReportRefresher>()
            .RebuildAsync(c, DateOnly.FromDateTime(DateTime.UtcNow), Ct);
        Assert.Empty(rebuild.Differences);
    }

    [Fact]
    public async Task RejectedDraftAndSubmittedDecisionsMoveNoFigure()
    {
        const string c = "VNM";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var (rejected, _) = await Releases.ReleaseApi.DraftAsync(_client,
            Releases.ReleaseApi.Decision(area, "CLEARED", Cells(c, 0, 0, 0.5, 1).Polygon(), "2024-04-01", "REPORT-OPS"));
        await Releases.ReleaseApi.MovedAsync(_client, rejected, "submit");
        await Releases.ReleaseApi.MovedAsync(_client, rejected, "reject", "Completion report missing");
        var (submitted, _) = await Releases.ReleaseApi.DraftAsync(_client,
            Releases.ReleaseApi.Decision(area, "CANCELLED", Cells(c, 0.5, 0, 1, 1).Polygon(), "2024-04-01", "REPORT-OPS"));
        await Releases.ReleaseApi.MovedAsync(_client, submitted, "submit");
        await Releases.ReleaseApi.DraftAsync(_client,
            Releases.ReleaseApi.Decision(area, "REDUCED", Cells(c, 0, 0, 1, 1).Polygon(), "2024-04-01", "REPORT-OPS"));

        // The area's registration is in the outbox; nothing the rejection, the submissions or the draft did is.
        Assert.Equal(1, await api.DirtyRowsAsync(c));
        var report = await _client.ReportAsync(c, "year=2024");

        Assert.Equal(0, report.Figure("released.totalSqm"));
        Assert.Equal(0, report.Figure("incidents.count"));
        Assert.Equal(1, report.Figure("remaining.cha.count"));
        AssertSqm(Cells(c, 0, 0, 1, 1).Sqm, report, "remaining.cha.areaSqm");
    }

    [Fact]
    public async Task DevicesOfCompletedActivitiesAreSummedByTypeInThePeriodOfTheirEndDate()
    {
        const string c = "MMR";
        var box = Cells(c, 0, 0, 1, 1);
        var area = new TestArea(await _client.NewAreaAsync(c, box, dateOfInformation: "2022-01-01"), box);
        async Task Record(string status, string start, string? end, params JsonObject[] devices) =>
            await _client.CreateActivityAsync(area.Id, ActivityApi.Activity(area, "CLEARANCE", box.Polygon(), status,
                "REPORT-OPS", startDate: start, endDate: end, devices: devices));
        // Figures stored before the activities: only their outbox rows can bring the devices into the report.
        Assert.Equal(0, (await _client.ReportAsync(c, "year=2024")).Figure("devices.destroyed.AP_MINE"));
        await Record("COMPLETED", "2024-03-01", "2024-04-30", ActivityApi.Device("AP_MINE", 3, 3), ActivityApi.Device("OTHER_ERW", 1, 1));
        await Record("COMPLETED", "2024-10-01", "2024-11-15", ActivityApi.Device("AP_MINE", 2, 1), ActivityApi.Device("SUBMUNITION", 5, 5));
        // Not counted in 2024: still going, or completed the year before.
        await Record("ONGOING", "2024-06-01", null, ActivityApi.Device("AP_MINE", 10, 10));
        await Record("COMPLETED", "2023-05-01", "2023-06-01", ActivityApi.Device("AP_MINE", 7, 7));

        var report = await _client.ReportAsync(c, "year=2024");

        Assert.Equal(5, report.Figure("devices.found.AP_MINE"));
        Assert.Equal(4, report.Figure("devices.destroyed.AP_MINE"));
        Assert.Equal(0, report.Figure("devices.found.AV_MINE"));
        Assert.Equal(5, report.Figure("devices.destroyed.SUBMUNITION"));
        Assert.Equal(1, report.Figure("devices.destroyed.OTHER_ERW"));
        Assert.Equal(7, report.TrendYear(2023).Figure("devices.destroyed.AP_MINE"));
        // As at today the activities' recorded versions say the same; as at yesterday none was recorded yet.
        var today = await _client.ReportAsync(c, $"from=2024-01-01&to=2024-12-31&asAt={DateTime.UtcNow:yyyy-MM-dd}");
        Assert.Equal(4, today.Figure("devices.destroyed.AP_MINE"));
        Assert.Equal(5, today.Figure("devices.found.SUBMUNITION"));
        var yesterday = await _client.ReportAsync(c, $"from=2024-01-01&to=2024-12-31&asAt={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(0, yesterday.Figure("devices.destroyed.AP_MINE"));
    }

    [Fact]
    public async Task ARevisedOutlineCountsFromItsDateOfInformationAndTheOldOutlineBefore()
    {
        const string c = "IDN";
        var area = await _client.NewAreaAsync(c, Cells(c, 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        await _client.ReleasedAsync(area, "CLEARED", Cells(c, 0, 0, 0.25, 1), "2023-03-01");
        AssertSqm(Cells(c, 0.25, 0, 1, 1).Sqm, await _client.ReportAsync(c, "year=2024"), "remaining.cha.areaSqm");

        // Re-walked in June 2024: the area is only the western half.
        using var current = await _client.GetAsync($"/api/hazard-areas/{area}", Ct);
        var localId = (await current.AssertJsonAsync(System.Net.HttpStatusCode.OK)).Props().GetProperty("localId").GetString()!;
        var revision = Features.HazardArea(localId, Cells(c, 0, 0, 0.5, 1).Polygon(), country: c, organisation: "REPORT-OPS",
            dateOfInformation: "2024-06-01");
        revision.Properties()["changeReason"] = "Boundary re-walked";
        using var revised = await _client.PutFeatureAsync(area, revision, current.Headers.ETag!.Tag);
        Assert.Equal(System.Net.HttpStatusCode.OK, revised.StatusCode);

        AssertSqm(Cells(c, 0.25, 0, 1, 1).Sqm, await _client.ReportAsync(c, "year=2023"), "remaining.cha.areaSqm");
        var year2024 = await _client.ReportAsync(c, "year=2024");
        AssertSqm(Cells(c, 0.25, 0, 0.5, 1).Sqm, year2024, "remaining.cha.areaSqm");
        AssertSqm(Cells(c, 0, 0, 0.25, 1).Sqm, await _client.ReportAsync(c, "year=2023"), "released.clearedSqm");
    }

    [Fact]
    public async Task AReportOfACountryWithNoDataIsAllZerosNotAnError()
    {
        var report = await _client.ReportAsync("SGP", "year=2024");
        Assert.Equal(0, report.Figure("remaining.sha.count"));
        Assert.Equal(0, report.Figure("released.totalSqm"));
        Assert.Equal(0, report.Figure("devices.destroyed.AP_MINE"));
        Assert.Equal("Singapore", report.GetProperty("country").GetProperty("name").GetString());
    }
}
