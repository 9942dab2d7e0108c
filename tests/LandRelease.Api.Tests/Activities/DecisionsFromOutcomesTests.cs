using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using Npgsql;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>POST /api/activities/{id}/decisions: each proposed outcome of a completed activity becomes one draft decision, once.</summary>
public sealed class DecisionsFromOutcomesTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task<long> DecisionRowsAsync(Guid activityId) =>
        api.ScalarAsync<long>("SELECT count(*) FROM release_decisions WHERE activity_id = $1", activityId);

    private static JsonElement[] Decisions(JsonElement body) => [.. body.GetProperty("decisions").EnumerateArray()];

    /// <summary>A completed clearance of a new area's western half, with the draft decision of that outcome.</summary>
    private async Task<(TestArea Area, string LocalId, Guid ActivityId, Guid DecisionId)> DraftedClearanceAsync(string prefix)
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId(prefix);
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        var decisionId = Guid.Parse(Decisions(await (await _client.DraftDecisionsAsync(activityId))
            .AssertJsonAsync(HttpStatusCode.OK))[0].Text("releaseDecisionId")!);
        return (area, localId, activityId, decisionId);
    }

    [Fact]
    public async Task EachOutcomeBecomesADraftDecisionDatedWhenTheWorkEnded()
    {
        var area = await _client.NewTestAreaAsync();
        var feature = Activity(area, "CLEARANCE", area.Box.Polygon(), endDate: "2024-04-30",
            outcomes: [Outcome("CLEARED", area.WestHalf.Polygon()), Outcome("CLEARED", area.EastHalf.Polygon())]);
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, feature);

        var body = await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK);

        var drafted = Decisions(body);
        Assert.Equal([0, 1], drafted.Select(d => d.GetProperty("ordinal").GetInt32()).ToArray());
        Assert.All(drafted, d => Assert.True(d.GetProperty("created").GetBoolean()));
        var first = await _client.DecisionPropsAsync(Guid.Parse(drafted[0].Text("releaseDecisionId")!));
        Assert.Equal(("DRAFT", "CLEARED", "CMAC", "2024-04-30", activityId.ToString(), area.Id.ToString()),
            (first.Text("state"), first.Text("kind"), first.Text("organisation"), first.Text("dateOfInformation"),
             first.Text("activityId"), first.Text("hazardAreaId")));
        AssertSqm(area.WestHalf.Sqm, first.Number("areaSqm"), "decision drafted from outcome 0");

        var activity = await _client.GetJsonAsync($"/api/activities/{activityId}");
        Assert.Equal(drafted[1].Text("releaseDecisionId"), activity.Props().GetProperty("proposedOutcomes")[1].Text("releaseDecisionId"));
        Assert.Equal(2, activity.Props().GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DraftingTwiceDraftsNothingNewAndReturnsTheSameDecisions()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));
        var first = Decisions(await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK));

        var second = Decisions(await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK));

        Assert.Equal(first.Select(d => d.Text("releaseDecisionId")), second.Select(d => d.Text("releaseDecisionId")));
        Assert.All(second, d => Assert.False(d.GetProperty("created").GetBoolean()));
        Assert.Equal(1L, await DecisionRowsAsync(activityId));
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM activities WHERE id = $1", activityId));
    }

    [Fact]
    public async Task TwoCallsAtOnceStillDraftEachOutcomeOnce()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));

        var responses = await Task.WhenAll(_client.DraftDecisionsAsync(activityId), _client.DraftDecisionsAsync(activityId));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1L, await DecisionRowsAsync(activityId));
    }

    [Fact]
    public async Task AnOutcomeAddedByARevisionIsDraftedAloneAndTheDraftedOneKeepsItsDecision()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("ADD");
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        var first = Decisions(await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK))[0];
        var revised = Clearance(area, localId);
        revised.Properties()["proposedOutcomes"] = new System.Text.Json.Nodes.JsonArray(
            Outcome("CLEARED", area.EastHalf.Polygon()), Outcome("CLEARED", area.WestHalf.Polygon()));
        revised.Properties()["changeReason"] = "Eastern half cleared too";
        await (await _client.PutActivityAsync(activityId, revised, "\"2\"")).AssertJsonAsync(HttpStatusCode.OK);

        var drafted = Decisions(await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK));

        Assert.Equal([(0, true), (1, false)], drafted.Select(d => (d.GetProperty("ordinal").GetInt32(), d.GetProperty("created").GetBoolean())).ToArray());
        Assert.Equal(first.Text("releaseDecisionId"), drafted[1].Text("releaseDecisionId"));
        Assert.Equal(2L, await DecisionRowsAsync(activityId));
    }

    [Fact]
    public async Task ARevisionMayNotDropAnOutcomeWhoseDecisionStandsUntilThatDecisionIsRejected()
    {
        var (area, localId, activityId, decisionId) = await DraftedClearanceAsync("DROP");
        var moved = Clearance(area, localId);
        moved.Properties()["proposedOutcomes"] = new System.Text.Json.Nodes.JsonArray(Outcome("CLEARED", area.EastHalf.Polygon()));
        moved.Properties()["changeReason"] = "The eastern half was cleared, not the western";

        var refused = await (await _client.PutActivityAsync(activityId, moved, "\"2\"")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var violation = Assert.Single(refused.GetProperty("violations").EnumerateArray());
        Assert.Equal(("outcome-decided", "properties.proposedOutcomes[0]"), (violation.Text("rule"), violation.Text("field")));
        Assert.Contains($"{decisionId}, now DRAFT", violation.Text("message"), StringComparison.Ordinal);
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM activities WHERE id = $1", activityId));

        await _client.MovedAsync(decisionId, "submit");
        await _client.MovedAsync(decisionId, "reject", "The western half was not cleared after all");
        var revised = await (await _client.PutActivityAsync(activityId, moved, "\"2\"")).AssertJsonAsync(HttpStatusCode.OK);

        var outcome = revised.Props().GetProperty("proposedOutcomes")[0];
        Assert.False(outcome.TryGetProperty("releaseDecisionId", out var link) && link.ValueKind != JsonValueKind.Null);
        var redrafted = Decisions(await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK));
        Assert.NotEqual(decisionId.ToString(), Assert.Single(redrafted).Text("releaseDecisionId"));
        AssertSqm(area.EastHalf.Sqm, (await _client.DecisionPropsAsync(Guid.Parse(redrafted[0].Text("releaseDecisionId")!))).Number("areaSqm"),
            "the decision drafted from the new outcome");
    }

    [Fact]
    public async Task AnApprovedOutcomeStaysStatedUntilRevokedWhileOtherFieldsMayChange()
    {
        var (area, localId, activityId, decisionId) = await DraftedClearanceAsync("APPR");
        await _client.MovedAsync(decisionId, "submit");
        await _client.MovedAsync(decisionId, "approve");
        var dropped = Clearance(area, localId);
        dropped.Properties()["proposedOutcomes"] = new System.Text.Json.Nodes.JsonArray();
        dropped.Properties()["changeReason"] = "No land proposed after all";
        var renamedMethod = Clearance(area, localId);
        renamedMethod.Properties()["method"] = "Manual clearance, 13 cm";
        renamedMethod.Properties()["changeReason"] = "Method named as in the completion report";

        var refused = await (await _client.PutActivityAsync(activityId, dropped, "\"2\"")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var kept = await (await _client.PutActivityAsync(activityId, renamedMethod, "\"2\"")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Contains("now APPROVED; state that outcome unchanged, or first have the decision revoked",
            Assert.Single(refused.GetProperty("violations").EnumerateArray()).Text("message"), StringComparison.Ordinal);
        Assert.Equal(decisionId.ToString(), kept.Props().GetProperty("proposedOutcomes")[0].Text("releaseDecisionId"));
    }

    [Fact]
    public async Task ANonTechnicalSurveyDraftsCancellationsThatCountOnceApproved()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "NTS", null,
            outcomes: [Outcome("CANCELLED", area.WestHalf.Polygon())]));
        var decisionId = Guid.Parse(Decisions(await (await _client.DraftDecisionsAsync(activityId))
            .AssertJsonAsync(HttpStatusCode.OK))[0].Text("releaseDecisionId")!);

        await _client.MovedAsync(decisionId, "submit");
        await _client.MovedAsync(decisionId, "approve");

        var areaProps = await _client.AreaPropsAsync(area.Id);
        AssertSqm(area.WestHalf.Sqm, areaProps.Number("releasedAreaSqm"), "released by the approved cancellation");
        Assert.Equal("CANCELLED", (await _client.DecisionPropsAsync(decisionId)).Text("kind"));
    }

    [Fact]
    public async Task OnlyACompletedActivityDraftsDecisions()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "TS", null, status: "ONGOING", endDate: null,
            outcomes: [Outcome("REDUCED", area.WestHalf.Polygon())]));

        var problem = await (await _client.DraftDecisionsAsync(activityId)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("ONGOING", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await DecisionRowsAsync(activityId));
    }

    [Fact]
    public async Task AnActivityWithoutOutcomesDraftsNothing()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "EOD_SPOT_TASK", null, devices: [Device("OTHER_ERW", 1, 1)]));

        var body = await (await _client.DraftDecisionsAsync(activityId)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Empty(Decisions(body));
        await (await _client.DraftDecisionsAsync(Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WhenOneOutcomeNoLongerFitsItsShrunkAreaNoDecisionIsDrafted()
    {
        var area = await _client.NewTestAreaAsync();
        var feature = Activity(area, "CLEARANCE", area.Box.Polygon(),
            outcomes: [Outcome("CLEARED", area.WestHalf.Polygon()), Outcome("CLEARED", area.EastHalf.Polygon())]);
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, feature);
        var areaLocalId = (await _client.AreaPropsAsync(area.Id)).Text("localId")!;
        var shrunk = Features.HazardArea(areaLocalId, area.WestHalf.Polygon(), dateOfInformation: "2023-01-01");
        shrunk.Properties()["changeReason"] = "Boundary re-walked: the eastern half was never suspect";
        // Version 2: the completed clearance made the area WORKED_ON.
        await (await _client.PutFeatureAsync(area.Id, shrunk, "\"2\"")).AssertJsonAsync(HttpStatusCode.OK);

        var violation = await (await _client.DraftDecisionsAsync(activityId)).AssertViolationAsync("outside-hazard-area");

        Assert.Equal("properties.proposedOutcomes[1].geometry", violation.Text("field"));
        Assert.Equal(0L, await DecisionRowsAsync(activityId));
        Assert.Equal(1, await api.ScalarAsync<int>("SELECT version FROM activities WHERE id = $1", activityId));
    }

    [Fact]
    public async Task ADecisionNamingAnUnknownActivityOrOneOfAnotherAreaIsRefused()
    {
        var area = await _client.NewTestAreaAsync();
        var other = await _client.NewTestAreaAsync();
        var (otherActivity, _) = await _client.CreateActivityAsync(other.Id, Clearance(other));
        var unknown = Decision(area.Id, "CLEARED", area.WestHalf.Polygon());
        unknown["activityId"] = Guid.NewGuid().ToString();
        var elsewhere = Decision(area.Id, "CLEARED", area.WestHalf.Polygon());
        elsewhere["activityId"] = otherActivity.ToString();

        await (await _client.PostDecisionAsync(unknown)).AssertViolationAsync("activity-unknown");
        await (await _client.PostDecisionAsync(elsewhere)).AssertViolationAsync("activity-of-another-area");
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM release_decisions WHERE hazard_area_id = $1", area.Id));
    }

    [Fact]
    public async Task TheDatabaseRefusesADecisionWhoseActivityDoesNotExist()
    {
        var area = await _client.NewTestAreaAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => api.ScalarAsync<object>("""
            INSERT INTO release_decisions (id, hazard_area_id, country_code, kind, geometry, activity_id, organisation_code,
                date_of_information, attachments, state, version, created_at, created_by)
            SELECT gen_random_uuid(), id, country_code, 'CLEARED', geometry, gen_random_uuid(), 'CMAC', '2024-01-01', '[]', 'DRAFT', 1,
                   now(), 'sql' FROM hazard_areas WHERE id = $1
            """, area.Id));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
        Assert.Equal("fk_release_decisions_activities_activity_id", error.ConstraintName);
    }
}
