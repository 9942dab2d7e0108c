using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>Who may read and write activities: the token's countries, and for a field operator its own organisation's name.</summary>
public sealed class ActivityAccessTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _admin = api.CreateClient();
    private HttpClient Cmac => api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC");
    private HttpClient Halo => api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO-KHM");
    private HttpClient Lao => api.ClientAs([Roles.FieldOperator, Roles.NationalAuthority], ["LAO"], "LAO-OPS");
    private HttpClient Regional => api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC");

    public async ValueTask InitializeAsync()
    {
        await _admin.EnsureOrganisationAsync("CMAC", "KHM");
        await _admin.EnsureOrganisationAsync("HALO-KHM", "KHM");
        await _admin.EnsureOrganisationAsync("LAO-OPS", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnotherCountrysTokenIsRefusedEveryActivityRouteOfACambodianArea()
    {
        var area = await _admin.NewTestAreaAsync();
        var localId = NewLocalId("LAO");
        var (id, _) = await _admin.CreateActivityAsync(area.Id, Clearance(area, localId));
        var revision = Clearance(area, localId);
        revision.Properties()["changeReason"] = "Not theirs to change";

        var responses = new[]
        {
            await Lao.GetAsync($"/api/activities/{id}", Ct),
            await Lao.GetAsync($"/api/activities/{id}/history", Ct),
            await Lao.GetAsync($"/api/hazard-areas/{area.Id}/activities", Ct),
            await Lao.PostActivityAsync(area.Id, Clearance(area)),
            await Lao.PutActivityAsync(id, revision, "\"1\""),
            await Lao.DraftDecisionsAsync(id),
        };

        // Answered as if they did not exist: a 403 would tell another country's users which ids exist.
        foreach (var response in responses)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain("KHM", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(1L, await api.ActivityRowsAsync(area.Id));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM release_decisions WHERE activity_id = $1", id));
    }

    [Fact]
    public async Task AFieldOperatorRecordsOnlyInItsOwnNameButMayWorkAnotherOperatorsArea()
    {
        var area = await _admin.NewTestAreaAsync();

        await (await Halo.PostActivityAsync(area.Id, Clearance(area))).AssertProblemAsync(HttpStatusCode.Forbidden);
        var (id, feature) = await Halo.CreateActivityAsync(area.Id, Activity(area, "TS", null, organisation: "HALO-KHM", status: "ONGOING", endDate: null));

        Assert.Equal("HALO-KHM", feature.Props().GetProperty("organisation").GetString());
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM activities WHERE id = $1", id));
    }

    [Fact]
    public async Task AFieldOperatorReadsButCannotReviseOrDraftFromAnotherOperatorsActivity()
    {
        var area = await _admin.NewTestAreaAsync();
        var localId = NewLocalId("CMAC");
        var (id, _) = await Cmac.CreateActivityAsync(area.Id, Clearance(area, localId));
        var takeover = Clearance(area, localId);
        takeover.Properties()["organisation"] = "HALO-KHM";
        takeover.Properties()["changeReason"] = "Ours now";

        Assert.Equal(HttpStatusCode.OK, (await Halo.GetAsync($"/api/activities/{id}", Ct)).StatusCode);
        await (await Halo.PutActivityAsync(id, takeover, "\"1\"")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Halo.DraftDecisionsAsync(id)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Cmac.PutActivityAsync(id, takeover, "\"1\"")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("CMAC", await api.ScalarAsync<string>("SELECT organisation_code FROM activities WHERE id = $1", id));
    }

    [Fact]
    public async Task TheOperatorThatRecordedACompletedActivityDraftsItsDecisionsInItsOwnName()
    {
        var area = await _admin.NewTestAreaAsync();
        var (id, _) = await Cmac.CreateActivityAsync(area.Id, Clearance(area));

        var body = await (await Cmac.DraftDecisionsAsync(id)).AssertJsonAsync(HttpStatusCode.OK);

        var decisionId = body.GetProperty("decisions")[0].GetProperty("releaseDecisionId").GetString();
        Assert.Equal("CMAC", await api.ScalarAsync<string>("SELECT organisation_code FROM release_decisions WHERE id = $1::uuid", decisionId!));
    }

    [Fact]
    public async Task ARegionalViewerNeverSeesAnActivityOrItsCoordinates()
    {
        var area = await _admin.NewTestAreaAsync();
        var (id, _) = await _admin.CreateActivityAsync(area.Id, Clearance(area));

        foreach (var url in new[] { $"/api/activities/{id}", $"/api/activities/{id}/history", $"/api/hazard-areas/{area.Id}/activities" })
        {
            using var response = await Regional.GetAsync(url, Ct);
            await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("coordinates", body, StringComparison.Ordinal);
            Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase);
        }

        await (await Regional.PostActivityAsync(area.Id, Clearance(area))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
