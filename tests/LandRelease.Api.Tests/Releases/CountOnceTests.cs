using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// DOMAIN.md rule 1 "Count once": released area is the area of the union; a clearance over cancelled land adds only
/// what is new and is flagged; each m² is credited once, so the credits add up to the released area.
/// </summary>
public sealed class CountOnceTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A fresh 0.01° x 0.01° area; <paramref name="strip"/>(from, to) is the full-height strip between those fractions of its width.</summary>
    private async Task<(Guid AreaId, Box Area, Func<double, double, Box> Strip)> SquareAreaAsync()
    {
        var (lon, lat) = NewSpot();
        var area = new Box(lon, lat, lon + 0.01, lat + 0.01);
        var (areaId, areaSqm) = await _client.NewAreaAsync(area);
        AssertSqm(area.Sqm, areaSqm, "hazard area areaSqm");
        return (areaId, area, (from, to) => new Box(lon + from * 0.01, lat, lon + to * 0.01, lat + 0.01));
    }

    [Fact]
    public async Task AClearanceOverlappingCancelledLandIsCreditedOnlyWithWhatIsNewAndFlagged()
    {
        var (areaId, area, strip) = await SquareAreaAsync();
        var quarter = strip(0.25, 0.5).Sqm;
        var a = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.5).Polygon(), "2024-01-01"));
        var b = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0.25, 0.75).Polygon(), "2024-02-01"));

        var propsA = await _client.DecisionPropsAsync(a);
        var propsB = await _client.DecisionPropsAsync(b);
        AssertSqm(strip(0, 0.5).Sqm, propsA.Number("creditedAreaSqm"), "A credited");
        AssertSqm(strip(0.5, 0.75).Sqm, propsB.Number("creditedAreaSqm"), "B credited");
        AssertSqm(strip(0.25, 0.75).Sqm, propsB.Number("areaSqm"), "B areaSqm");
        var areaProps = await _client.AreaPropsAsync(areaId);
        AssertSqm(strip(0, 0.75).Sqm, areaProps.Number("releasedAreaSqm"), "released");
        AssertSqm(strip(0.75, 1).Sqm, areaProps.Number("remainingAreaSqm"), "remaining");
        Assert.True(Math.Abs(area.Sqm * 0.75 - areaProps.Number("releasedAreaSqm")) < area.Sqm * 0.001, "released is three quarters");
        Assert.InRange(propsA.Number("creditedAreaSqm") + propsB.Number("creditedAreaSqm") - areaProps.Number("releasedAreaSqm"), -0.02, 0.02);
        await api.AssertCreditsAddUpAsync(areaId);

        var incident = Assert.Single(await _client.IncidentsAsync(areaId));
        Assert.Equal("CANCELLED_LAND_REWORKED", incident.Text("kind"));
        Assert.Equal(b, incident.GetProperty("decisionId").GetGuid());
        Assert.Equal([a], incident.GetProperty("overlappingDecisionIds").EnumerateArray().Select(e => e.GetGuid()).ToArray());
        AssertSqm(quarter, incident.Number("overlapSqm"), "overlapSqm");
        Assert.Equal("KHM", incident.Text("countryCode"));
        Assert.Equal("2024-02-01", incident.Text("dateOfInformation"));
    }

    [Fact]
    public async Task ASecondClearanceOfTheSameStripIsRefusedAsAlreadyReleasedNamingTheFirst()
    {
        var (areaId, _, strip) = await SquareAreaAsync();
        var first = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0, 0.3).Polygon(), "2024-01-01"));
        var (second, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", strip(0, 0.3).Polygon(), "2024-02-01"));
        await _client.MovedAsync(second, "submit");

        var problem = await (await _client.MoveAsync(second, "approve")).AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity);

        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray().ToArray());
        Assert.Equal("already-released", violation.Text("rule"));
        Assert.Equal([first], violation.GetProperty("releaseDecisionIds").EnumerateArray().Select(e => e.GetGuid()).ToArray());
        Assert.Contains(first.ToString(), violation.Text("message"), StringComparison.Ordinal);
        Assert.Equal("SUBMITTED", (await _client.DecisionPropsAsync(second)).Text("state"));
        AssertSqm(strip(0, 0.3).Sqm, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"), "released");
        Assert.Empty(await _client.IncidentsAsync(areaId));
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task DecisionsThatOnlyShareAnEdgeRaiseNoIncidentAndAddUp()
    {
        var (areaId, _, strip) = await SquareAreaAsync();
        var west = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.4).Polygon(), "2024-01-01"));
        var east = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0.4, 0.7).Polygon(), "2024-02-01"));

        Assert.Empty(await _client.IncidentsAsync(areaId));
        AssertSqm(strip(0, 0.4).Sqm, (await _client.DecisionPropsAsync(west)).Number("creditedAreaSqm"), "west credited");
        AssertSqm(strip(0.4, 0.7).Sqm, (await _client.DecisionPropsAsync(east)).Number("creditedAreaSqm"), "east credited");
        AssertSqm(strip(0, 0.7).Sqm, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"), "released");
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task CreditsAddUpToTheReleasedAreaAlsoWhenOverlapsAreCutAlongParallels()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.01, lat + 0.01));
        var a = new Box(lon, lat, lon + 0.006, lat + 0.007);
        var b = new Box(lon + 0.003, lat + 0.004, lon + 0.01, lat + 0.01);
        var overlap = new Box(lon + 0.003, lat + 0.004, lon + 0.006, lat + 0.007);
        await _client.ApprovedAsync(Decision(areaId, "CANCELLED", a.Polygon(), "2024-01-01"));
        await _client.ApprovedAsync(Decision(areaId, "CLEARED", b.Polygon(), "2024-02-01"));

        AssertSqm(a.Sqm + b.Sqm - overlap.Sqm, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"), "released");
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task CreditGoesToTheEarliestDateOfInformationNotTheEarliestApproval()
    {
        var (areaId, _, strip) = await SquareAreaAsync();
        var b = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0.25, 0.75).Polygon(), "2024-06-01"));
        AssertSqm(strip(0.25, 0.75).Sqm, (await _client.DecisionPropsAsync(b)).Number("creditedAreaSqm"), "B credited alone");

        var a = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.5).Polygon(), "2024-01-01"));

        AssertSqm(strip(0, 0.5).Sqm, (await _client.DecisionPropsAsync(a)).Number("creditedAreaSqm"), "A credited");
        AssertSqm(strip(0.5, 0.75).Sqm, (await _client.DecisionPropsAsync(b)).Number("creditedAreaSqm"), "B credited after A");
        AssertSqm(strip(0, 0.75).Sqm, (await _client.AreaPropsAsync(areaId)).Number("releasedAreaSqm"), "released");
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task ACancellationDatedBeforeAnApprovedClearanceItOverlapsIsFlaggedAsCancelledLandReworked()
    {
        var (areaId, _, strip) = await SquareAreaAsync();
        var cleared = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0.25, 0.75).Polygon(), "2024-06-01"));

        var cancelled = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.5).Polygon(), "2024-01-01"));

        // Land cancelled in January was cleared in June: cancelled land found contaminated, whatever the approval order.
        var incident = Assert.Single(await _client.IncidentsAsync(areaId));
        Assert.Equal("CANCELLED_LAND_REWORKED", incident.Text("kind"));
        Assert.Contains(incident.GetProperty("decisionId").GetGuid(), new[] { cleared, cancelled });
        AssertSqm(strip(0.25, 0.5).Sqm, incident.Number("overlapSqm"), "overlapSqm");
    }
}
