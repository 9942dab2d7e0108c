using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// DOMAIN.md rule 5: reports are "as at" a date; a decision counts from its date of information, however late it is
/// approved, and a revocation stops it counting from its effective date, not before.
/// </summary>
public sealed class DateOfInformationTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>An area registered as at 2023-01-01 with a decision dated 2024-03-01 over its west half, approved today.</summary>
    private async Task<(Guid AreaId, Guid DecisionId, double AreaSqm, Box Released)> ApprovedTodayDatedMarchAsync()
    {
        var (lon, lat) = NewSpot();
        var (areaId, areaSqm) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002), "2023-01-01");
        var released = new Box(lon, lat, lon + 0.001, lat + 0.002);
        var id = await _client.ApprovedAsync(Decision(areaId, "CLEARED", released.Polygon(), "2024-03-01"));
        return (areaId, id, areaSqm, released);
    }

    [Fact]
    public async Task BeforeItsDateOfInformationAnApprovedDecisionHasReleasedNothing()
    {
        var (areaId, _, areaSqm, _) = await ApprovedTodayDatedMarchAsync();

        var props = await _client.AreaPropsAsync(areaId, "2024-02-28");

        Assert.Equal(0, props.Number("releasedAreaSqm"));
        Assert.Equal(areaSqm, props.Number("remainingAreaSqm"));
        Assert.Equal("OPEN", props.Text("status"));
    }

    [Fact]
    public async Task FromItsDateOfInformationTheDecisionCountsAsReleased()
    {
        var (areaId, _, areaSqm, released) = await ApprovedTodayDatedMarchAsync();

        var props = await _client.AreaPropsAsync(areaId, "2024-03-01");

        AssertSqm(released.Sqm, props.Number("releasedAreaSqm"), "released as at 2024-03-01");
        AssertSqm(areaSqm - released.Sqm, props.Number("remainingAreaSqm"), "remaining as at 2024-03-01");
        Assert.Equal("WORKED_ON", props.Text("status"));
        var today = await _client.AreaPropsAsync(areaId);
        Assert.Equal(props.Number("releasedAreaSqm"), today.Number("releasedAreaSqm"));
    }

    [Fact]
    public async Task ARevocationCountsFromItsEffectiveDateAndNotBefore()
    {
        var (areaId, id, areaSqm, released) = await ApprovedTodayDatedMarchAsync();

        var revoked = (await _client.MovedAsync(id, "revoke", "Device found in the cleared land", "2025-01-01")).Props();
        Assert.Equal("2025-01-01", revoked.Text("revokedFrom"));

        var lastDay = await _client.AreaPropsAsync(areaId, "2024-12-31");
        AssertSqm(released.Sqm, lastDay.Number("releasedAreaSqm"), "released on the eve of the revocation");
        var effective = await _client.AreaPropsAsync(areaId, "2025-01-01");
        Assert.Equal(0, effective.Number("releasedAreaSqm"));
        Assert.Equal(areaSqm, effective.Number("remainingAreaSqm"));
        var today = await _client.AreaPropsAsync(areaId);
        Assert.Equal(0, today.Number("releasedAreaSqm"));
        Assert.Equal(areaSqm, today.Number("remainingAreaSqm"));
    }

    [Fact]
    public async Task ARevocationWithAnEffectiveDateThatIsNotADateIsRefused()
    {
        var (_, id, _, _) = await ApprovedTodayDatedMarchAsync();

        var fields = await (await _client.MoveAsync(id, "revoke", "Device found", "01/01/2025")).AssertValidationErrorsAsync();

        Assert.Equal(["effectiveDate"], fields);
        Assert.Equal("APPROVED", (await _client.DecisionPropsAsync(id)).Text("state"));
    }

    [Fact]
    public async Task ADecisionDatedInTheFutureIsRefused()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");

        var response = await _client.PostDecisionAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.001).Polygon(), future));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("dateOfInformation", (await response.AssertViolationAsync("date-of-information-in-future")).Text("field"));
    }
}
