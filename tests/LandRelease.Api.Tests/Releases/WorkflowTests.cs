using System.Net;
using System.Net.Http.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>DOMAIN.md: draft -> submitted -> approved | rejected (with reason) -> certified -> handed over; every move recorded.</summary>
public sealed class WorkflowTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A drafted CLEARED decision over the west half of a fresh 0.002° area.</summary>
    private async Task<(Guid Id, Guid AreaId, double Lon, double Lat)> DraftOnFreshAreaAsync()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var (id, _) = await _client.DraftAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.002).Polygon()));
        return (id, areaId, lon, lat);
    }

    private static async Task AssertIllegalAsync(HttpResponseMessage response, string state, params string[] allowed)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(state, problem.GetProperty("state").GetString());
        Assert.Equal(allowed, problem.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Contains(state, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADecisionGoesFromDraftToHandedOverAndEveryMoveIsAnEventInOrder()
    {
        var (id, _, _, _) = await DraftOnFreshAreaAsync();
        var draft = await _client.DecisionPropsAsync(id);
        Assert.Equal("DRAFT", draft.Text("state"));
        Assert.Equal(["SUBMIT"], draft.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetString()).ToArray());

        Assert.Equal("SUBMITTED", (await _client.MovedAsync(id, "submit")).Props().Text("state"));
        Assert.Equal("APPROVED", (await _client.MovedAsync(id, "approve", "Checked against the completion report")).Props().Text("state"));
        Assert.Equal("CERTIFIED", (await _client.MovedAsync(id, "certify")).Props().Text("state"));
        var handedOver = (await _client.MovedAsync(id, "hand-over", "Handed to the commune chief")).Props();
        Assert.Equal("HANDED_OVER", handedOver.Text("state"));
        Assert.Equal(["REVOKE"], handedOver.GetProperty("allowedMoves").EnumerateArray().Select(m => m.GetString()).ToArray());

        var events = (await _client.GetJsonAsync($"/api/release-decisions/{id}/events")).EnumerateArray().ToArray();
        Assert.Equal(["DRAFT>SUBMITTED", "SUBMITTED>APPROVED", "APPROVED>CERTIFIED", "CERTIFIED>HANDED_OVER"],
            events.Select(e => $"{e.Text("fromState")}>{e.Text("toState")}").ToArray());
        Assert.All(events, e => Assert.Equal("test-user", e.Text("by")));
        Assert.All(events, e => Assert.Equal("CMAA", e.Text("byOrganisation")));
        Assert.Equal([null, "Checked against the completion report", null, "Handed to the commune chief"],
            events.Select(e => e.Text("reason")).ToArray());
        var times = events.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task ARejectionWithoutAReasonIsRefusedAndNothingMoves()
    {
        var (id, _, _, _) = await DraftOnFreshAreaAsync();
        await _client.MovedAsync(id, "submit");

        var fields = await (await _client.MoveAsync(id, "reject")).AssertValidationErrorsAsync();
        var blank = await (await _client.MoveAsync(id, "reject", "   ")).AssertValidationErrorsAsync();

        Assert.Equal(["reason"], fields);
        Assert.Equal(["reason"], blank);
        Assert.Equal("SUBMITTED", (await _client.DecisionPropsAsync(id)).Text("state"));
        Assert.Single((await _client.GetJsonAsync($"/api/release-decisions/{id}/events")).EnumerateArray());
    }

    [Fact]
    public async Task ARejectedDecisionKeepsItsReasonAndCannotThenBeApproved()
    {
        var (id, _, _, _) = await DraftOnFreshAreaAsync();
        await _client.MovedAsync(id, "submit");

        var rejected = (await _client.MovedAsync(id, "reject", "Polygon does not match the completion report")).Props();
        Assert.Equal("REJECTED", rejected.Text("state"));
        Assert.Equal("Polygon does not match the completion report", rejected.Text("stateReason"));

        await AssertIllegalAsync(await _client.MoveAsync(id, "approve"), "REJECTED");
        Assert.Equal("REJECTED", (await _client.DecisionPropsAsync(id)).Text("state"));
    }

    [Fact]
    public async Task ARevocationNeedsAReason()
    {
        var (id, _, _, _) = await DraftOnFreshAreaAsync();
        await _client.MovedAsync(id, "submit");
        await _client.MovedAsync(id, "approve");

        Assert.Equal(["reason"], await (await _client.MoveAsync(id, "revoke")).AssertValidationErrorsAsync());
        Assert.Equal("APPROVED", (await _client.DecisionPropsAsync(id)).Text("state"));

        var revoked = (await _client.MovedAsync(id, "revoke", "Device found on the released land")).Props();
        Assert.Equal("REVOKED", revoked.Text("state"));
        Assert.Empty(revoked.GetProperty("allowedMoves").EnumerateArray());
    }

    [Fact]
    public async Task ADraftCannotBeRevokedEvenWithAReason() =>
        await AssertIllegalAsync(await _client.MoveAsync((await DraftOnFreshAreaAsync()).Id, "revoke", "Wrong polygon"),
            "DRAFT", "EDIT", "SUBMIT");

    [Fact]
    public async Task ASubmittedDecisionCannotBeEdited()
    {
        var (id, areaId, lon, lat) = await DraftOnFreshAreaAsync();
        await _client.MovedAsync(id, "submit");

        var edit = Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.002, lat + 0.002).Polygon());
        var response = await _client.PutAsJsonAsync($"/api/release-decisions/{id}", edit, Ct);

        await AssertIllegalAsync(response, "SUBMITTED", "APPROVE", "REJECT");
        var stored = await _client.DecisionPropsAsync(id);
        AssertSqm(new Box(lon, lat, lon + 0.001, lat + 0.002).Sqm, stored.Number("areaSqm"), "area after refused edit");
    }

    [Fact]
    public async Task EditingADraftChangesItsGeometryAndArea()
    {
        var (id, areaId, lon, lat) = await DraftOnFreshAreaAsync();
        var larger = new Box(lon, lat, lon + 0.002, lat + 0.0015);

        var response = await _client.PutAsJsonAsync($"/api/release-decisions/{id}", Decision(areaId, "REDUCED", larger.Polygon()), Ct);

        var edited = (await response.AssertJsonAsync(HttpStatusCode.OK)).Props();
        Assert.Equal("DRAFT", edited.Text("state"));
        Assert.Equal("REDUCED", edited.Text("kind"));
        AssertSqm(larger.Sqm, edited.Number("areaSqm"), "edited areaSqm");
        Assert.InRange(edited.Number("areaHa"), larger.Sqm / 10_000 - 0.0002, larger.Sqm / 10_000 + 0.0002);
        AssertSqm(larger.Sqm, (await _client.DecisionPropsAsync(id)).Number("areaSqm"), "stored areaSqm");
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
    }
}
