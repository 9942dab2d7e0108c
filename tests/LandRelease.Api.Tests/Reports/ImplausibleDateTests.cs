using System.Net;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// 0001-01-01 reads as a date but was stored as -infinity, and from then on every report of the country failed.
/// Dates outside 1900-01-01 to 2199-12-31 are refused where they enter, the database refuses them too, and a
/// report survives one stored before those checks.
/// </summary>
public sealed class ImplausibleDateTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOperatorAsync();
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("9999-12-31")]
    public async Task AHazardousAreaDatedOutsideTheRangeIsA400NamingTheDate(string date)
    {
        var localId = NewLocalId("DATE");
        var feature = Features.HazardArea(localId, dateOfInformation: date);

        var fields = await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync();

        Assert.Equal(["properties.dateOfInformation"], fields);
        await api.AssertNothingStoredAsync(localId);
    }

    [Fact]
    public async Task ADecisionDatedYearOneIsA400NamingTheDate()
    {
        var area = await _client.NewAreaAsync("MYS", Cells("MYS", 0, 0, 1, 1));
        var body = ReleaseApi.Decision(area, "CLEARED", Cells("MYS", 0, 0, 0.5, 1).Polygon(), "0001-01-01", "REPORT-OPS");

        Assert.Equal(["dateOfInformation"], await (await _client.PostDecisionAsync(body)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task ARevocationEffectiveInYearOneIsA400()
    {
        var area = await _client.NewAreaAsync("MYS", Cells("MYS", 2, 0, 3, 1));
        var id = await _client.ReleasedAsync(area, "CLEARED", Cells("MYS", 2, 0, 2.5, 1), "2024-03-01");

        var fields = await (await ReleaseApi.MoveAsync(_client, id, "revoke", "re-survey", "0001-01-01")).AssertValidationErrorsAsync();

        Assert.Equal(["effectiveDate"], fields);
    }

    [Theory]
    [InlineData("0001-01-01", "2024-04-30", "properties.startDate")]
    [InlineData("2024-03-01", "9999-12-31", "properties.endDate")]
    public async Task AnActivityDatedOutsideTheRangeIsA400NamingTheDate(string start, string end, string field)
    {
        var area = await _client.NewTestAreaAsync();
        var feature = ActivityApi.Activity(area, "NTS", null, startDate: start, endDate: end);

        Assert.Equal([field], await (await _client.PostActivityAsync(area.Id, feature)).AssertValidationErrorsAsync());
        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task AnAsAtOfYearOneIsA400()
    {
        var area = await _client.NewAreaAsync("MYS", Cells("MYS", 4, 0, 5, 1));

        Assert.Equal(["asAt"], await (await _client.GetAsync($"/api/hazard-areas/{area}?asAt=0001-01-01", Ct)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task TheDatabaseRefusesAnInfiniteDateOfInformation()
    {
        var area = await _client.NewAreaAsync("MYS", Cells("MYS", 6, 0, 7, 1));

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            api.ScalarAsync<int>("UPDATE hazard_areas SET date_of_information = '-infinity' WHERE id = $1 RETURNING 1", area));

        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    /// <summary>
    /// A register from before the checks may hold such dates: its reports must still be served. The country's outbox
    /// still holds the area's and the decision's rows when the dates are altered, so the report request refreshes it.
    /// </summary>
    [Fact]
    public async Task AReportSurvivesInfiniteDatesStoredBeforeTheChecks()
    {
        var area = await _client.NewAreaAsync("BRN", Cells("BRN", 0, 0, 1, 1), dateOfInformation: "2022-01-01");
        var decision = await _client.ReleasedAsync(area, "CLEARED", Cells("BRN", 0, 0, 0.5, 1), "2024-03-01");
        await api.OwnerScalarAsync<int>("""
            ALTER TABLE hazard_area_versions DROP CONSTRAINT IF EXISTS ck_hazard_area_versions_date_of_information_plausible;
            ALTER TABLE release_decisions DROP CONSTRAINT IF EXISTS ck_release_decisions_date_of_information_plausible;
            SELECT 1
            """);
        await api.OwnerScalarAsync<int>("UPDATE hazard_area_versions SET date_of_information = '-infinity' WHERE hazard_area_id = $1 RETURNING 1", area);
        await api.OwnerScalarAsync<int>("UPDATE release_decisions SET date_of_information = '-infinity' WHERE id = $1 RETURNING 1", decision);
        var report = await _client.ReportAsync("BRN", "year=2024");

        Assert.Equal(0, report.Figure("released.totalSqm"));
        Assert.Equal(0L, await api.DirtyRowsAsync("BRN"));
    }
}
