using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>PUT /api/activities/{id}: a new version under If-Match, the same rules, and every version kept.</summary>
public sealed class RevisionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static System.Text.Json.Nodes.JsonObject Revised(TestArea area, string localId, string reason = "Devices recounted")
    {
        var feature = Clearance(area, localId);
        feature.Properties()["devices"] = new System.Text.Json.Nodes.JsonArray(Device("AP_MINE", 5, 5));
        feature.Properties()["proposedOutcomes"] = new System.Text.Json.Nodes.JsonArray(Outcome("CLEARED", area.Box.Polygon()));
        feature.Properties()["changeReason"] = reason;
        return feature;
    }

    [Fact]
    public async Task ARevisionUnderIfMatchIsANewVersionAndTheFirstIsKeptWhole()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("REV");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));

        var response = await _client.PutActivityAsync(id, Revised(area, localId), "\"1\"");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal((2, "Devices recounted"), (body.Props().GetProperty("version").GetInt32(), body.Props().Text("changeReason")));
        AssertSqm(area.Box.Sqm, body.Props().GetProperty("proposedOutcomes")[0].Number("areaSqm"), "revised outcome");
        Assert.Equal(5L, await api.ScalarAsync<long>("SELECT sum(found) FROM activity_devices WHERE activity_id = $1", id));

        var versions = (await _client.GetJsonAsync($"/api/activities/{id}/history")).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Props().GetProperty("version").GetInt32()).ToArray());
        AssertSqm(area.WestHalf.Sqm, versions[0].Props().GetProperty("proposedOutcomes")[0].Number("areaSqm"), "version 1 outcome");
        Assert.Equal(2, versions[0].Props().GetProperty("devices").GetArrayLength());
    }

    [Fact]
    public async Task TheAuditRowOfARevisionHoldsBeforeAfterAndWhy()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("AUD");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        await (await _client.PutActivityAsync(id, Revised(area, localId), "\"1\"")).AssertJsonAsync(HttpStatusCode.OK);

        var audit = await _client.GetJsonAsync($"/api/audit?entityType=ACTIVITY&entityId={id}");

        var revise = audit.GetProperty("items").EnumerateArray().Single(e => e.Text("action") == "REVISE");
        Assert.Equal("Devices recounted", revise.Text("reason"));
        Assert.Equal(2, revise.GetProperty("before").GetProperty("devices").GetArrayLength());
        Assert.Equal(1, revise.GetProperty("after").GetProperty("devices").GetArrayLength());
        Assert.NotEqual(revise.GetProperty("before").GetProperty("proposedOutcomes")[0].Text("geometrySha256"),
            revise.GetProperty("after").GetProperty("proposedOutcomes")[0].Text("geometrySha256"));
    }

    [Fact]
    public async Task WithoutIfMatchIs428AndWithAnOldVersionIs412()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("ETAG");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        await (await _client.PutActivityAsync(id, Revised(area, localId), "\"1\"")).AssertJsonAsync(HttpStatusCode.OK);

        await (await _client.PutActivityAsync(id, Revised(area, localId, "Again"), null)).AssertProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await _client.PutActivityAsync(id, Revised(area, localId, "Again"), "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM activities WHERE id = $1", id));
    }

    [Fact]
    public async Task ARevisionMustSayWhy()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("WHY");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        var feature = Revised(area, localId);
        feature.Properties().Remove("changeReason");

        var fields = await (await _client.PutActivityAsync(id, feature, "\"1\"")).AssertValidationErrorsAsync();

        Assert.Equal(["properties.changeReason"], fields);
    }

    [Fact]
    public async Task TheLocalIdAndTheAreaCannotChange()
    {
        var area = await _client.NewTestAreaAsync();
        var other = await _client.NewTestAreaAsync();
        var localId = NewLocalId("FIX");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));

        await (await _client.PutActivityAsync(id, Revised(area, NewLocalId("OTHER")), "\"1\"")).AssertViolationAsync("identity-is-fixed");
        var moved = Revised(area, localId);
        moved.Properties()["hazardAreaId"] = other.Id.ToString();
        await (await _client.PutActivityAsync(id, moved, "\"1\"")).AssertViolationAsync("hazard-area-mismatch");
        Assert.Equal(1, await api.ScalarAsync<int>("SELECT version FROM activities WHERE id = $1", id));
    }

    [Fact]
    public async Task ARevisionBreakingARuleChangesNothing()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("BAD");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));
        var feature = Revised(area, localId);
        feature.Properties()["proposedOutcomes"] = new System.Text.Json.Nodes.JsonArray(
            Outcome("CLEARED", (area.Box with { East = area.Box.East + 0.001 }).Polygon()));

        await (await _client.PutActivityAsync(id, feature, "\"1\"")).AssertViolationAsync("outside-hazard-area");

        var stored = await _client.GetJsonAsync($"/api/activities/{id}");
        Assert.Equal(1, stored.Props().GetProperty("version").GetInt32());
        AssertSqm(area.WestHalf.Sqm, stored.Props().GetProperty("proposedOutcomes")[0].Number("areaSqm"), "outcome kept");
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM activity_versions WHERE activity_id = $1", id));
    }

    [Fact]
    public async Task RevisingAnUnknownActivityIs404()
    {
        var area = await _client.NewTestAreaAsync();
        await (await _client.PutActivityAsync(Guid.NewGuid(), Revised(area, "X"), "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DroppingTheWorkedAreaOfAnOngoingSurveyStoresNull()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("NULL");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "TS", area.Box.Polygon(), status: "ONGOING", localId: localId, endDate: null));
        var feature = Activity(area, "TS", null, status: "ONGOING", localId: localId, endDate: null);
        feature.Properties()["changeReason"] = "Worked area not yet surveyed";

        var body = await (await _client.PutActivityAsync(id, feature, "\"1\"")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, body.GetProperty("geometry").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.Props().GetProperty("workedAreaSqm").ValueKind);
    }

    [Fact]
    public async Task GivingALocalIdAnotherActivityHoldsIs409NotAServerError()
    {
        var area = await _client.NewTestAreaAsync();
        var taken = NewLocalId("TAKEN");
        await _client.CreateActivityAsync(area.Id, Clearance(area, taken));
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));

        var response = await _client.PutActivityAsync(id, Revised(area, taken), "\"1\"");

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM activities WHERE local_id = $1", taken));
    }
}
