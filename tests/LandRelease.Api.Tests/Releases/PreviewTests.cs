using System.Net;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// DOMAIN rule 7: the preview of an approval is what the approval then credits (one SQL statement behind both), across
/// overlaps, earlier-dated decisions and revocations; a decision that would credit nothing is refused.
/// </summary>
public sealed class PreviewTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(Guid AreaId, Func<double, double, Box> Strip)> SquareAreaAsync()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.01, lat + 0.01));
        return (areaId, (from, to) => new Box(lon + from * 0.01, lat, lon + to * 0.01, lat + 0.01));
    }

    private async Task<Guid> SubmittedAsync(Guid areaId, string kind, Box box, string date)
    {
        var (id, _) = await _client.DraftAsync(Decision(areaId, kind, box.Polygon(), date));
        await _client.MovedAsync(id, "submit");
        return id;
    }

    private Task<JsonElement> PreviewAsync(Guid id) => _client.GetJsonAsync($"/api/release-decisions/{id}/preview");

    /// <summary>Previews, approves, and asserts the credit approved equals the credit previewed to the cent of a m².</summary>
    private async Task<JsonElement> ApproveMatchingPreviewAsync(Guid id)
    {
        var preview = await PreviewAsync(id);
        var approved = (await _client.MovedAsync(id, "approve")).Props();
        Assert.Equal(preview.Number("creditSqm"), approved.Number("creditedAreaSqm"), 0.011);
        return preview;
    }

    [Fact]
    public async Task APreviewOfLandNobodyReleasedCreditsAllOfItAndOverlapsNothing()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var id = await SubmittedAsync(areaId, "CLEARED", strip(0, 0.5), "2024-01-01");

        var preview = await ApproveMatchingPreviewAsync(id);

        AssertSqm(strip(0, 0.5).Sqm, preview.Number("creditSqm"), "credit");
        Assert.InRange(preview.Number("alreadyReleasedSqm"), 0, 0.01);
        Assert.InRange(preview.Number("outsideSqm"), 0, 0.01);
        Assert.Empty(preview.GetProperty("overlaps").EnumerateArray());
    }

    [Fact]
    public async Task APartialOverlapPreviewsTheNewLandAndNamesTheEarlierDecisionAndApprovalCreditsJustThat()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var earlier = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.5).Polygon(), "2024-01-01"));
        var id = await SubmittedAsync(areaId, "CLEARED", strip(0.25, 0.75), "2024-02-01");

        var preview = await ApproveMatchingPreviewAsync(id);

        AssertSqm(strip(0.5, 0.75).Sqm, preview.Number("creditSqm"), "credit");
        AssertSqm(strip(0.25, 0.5).Sqm, preview.Number("alreadyReleasedSqm"), "already released");
        var overlap = Assert.Single(preview.GetProperty("overlaps").EnumerateArray().ToArray());
        Assert.Equal(earlier, overlap.GetProperty("releaseDecisionId").GetGuid());
        AssertSqm(strip(0.25, 0.5).Sqm, overlap.Number("areaSqm"), "overlap");
        Assert.True(overlap.GetProperty("releasedEarlier").GetBoolean());
        Assert.Single(await _client.IncidentsAsync(areaId));
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task ADecisionDatedBeforeApprovedLandPreviewsAllOfItAsItsOwnAndApprovalAgrees()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var later = await _client.ApprovedAsync(Decision(areaId, "CLEARED", strip(0.25, 0.75).Polygon(), "2024-06-01"));
        var id = await SubmittedAsync(areaId, "CANCELLED", strip(0, 0.5), "2024-01-01");

        var preview = await ApproveMatchingPreviewAsync(id);

        AssertSqm(strip(0, 0.5).Sqm, preview.Number("creditSqm"), "credit");
        var overlap = Assert.Single(preview.GetProperty("overlaps").EnumerateArray().ToArray());
        Assert.Equal(later, overlap.GetProperty("releaseDecisionId").GetGuid());
        Assert.False(overlap.GetProperty("releasedEarlier").GetBoolean());
        AssertSqm(strip(0.5, 0.75).Sqm, (await _client.DecisionPropsAsync(later)).Number("creditedAreaSqm"), "later now credited");
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task LandOfARevokedDecisionIsPreviewedAndCreditedAgain()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var revoked = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.5).Polygon(), "2024-01-01"));
        var id = await SubmittedAsync(areaId, "CLEARED", strip(0, 0.5), "2024-02-01");
        Assert.Equal(0, (await PreviewAsync(id)).Number("creditSqm"), 1.0);

        await _client.MovedAsync(revoked, "revoke", "Evidence of mines found during clearance", "2024-03-01");
        var preview = await ApproveMatchingPreviewAsync(id);

        AssertSqm(strip(0, 0.5).Sqm, preview.Number("creditSqm"), "credit after revocation");
        Assert.Empty(preview.GetProperty("overlaps").EnumerateArray());
        await api.AssertCreditsAddUpAsync(areaId);
    }

    [Fact]
    public async Task ADecisionWhollyOnReleasedLandPreviewsZeroAndItsApprovalIsRefusedNamingTheEarlierDecisions()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var west = await _client.ApprovedAsync(Decision(areaId, "CANCELLED", strip(0, 0.4).Polygon(), "2016-01-01"));
        var east = await _client.ApprovedAsync(Decision(areaId, "REDUCED", strip(0.4, 0.8).Polygon(), "2016-02-01"));
        var id = await SubmittedAsync(areaId, "CANCELLED", strip(0.2, 0.6), "2024-01-01");

        var preview = await PreviewAsync(id);
        Assert.InRange(preview.Number("creditSqm"), 0, 1.0);
        AssertSqm(strip(0.2, 0.6).Sqm, preview.Number("alreadyReleasedSqm"), "already released");
        var problem = await (await _client.MoveAsync(id, "approve")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var violation = Assert.Single(problem.GetProperty("violations").EnumerateArray().ToArray());
        Assert.Equal("already-released", violation.Text("rule"));
        Assert.Equal([west, east], violation.GetProperty("releaseDecisionIds").EnumerateArray().Select(e => e.GetGuid()).ToArray());
        Assert.Equal("SUBMITTED", (await _client.DecisionPropsAsync(id)).Text("state"));
        Assert.Empty(await _client.IncidentsAsync(areaId));
    }

    [Fact]
    public async Task APreviewOfAnotherCountrysDecisionIsNotFound()
    {
        var (areaId, strip) = await SquareAreaAsync();
        var id = await SubmittedAsync(areaId, "CLEARED", strip(0, 0.5), "2024-01-01");
        var lao = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA");

        await (await lao.GetAsync($"/api/release-decisions/{id}/preview", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/release-decisions/{Guid.NewGuid()}/preview", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
