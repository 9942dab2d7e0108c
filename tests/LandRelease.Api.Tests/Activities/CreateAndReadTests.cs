using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Activities;

public sealed class CreateAndReadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ACompletedClearanceIsStoredWithItsDevicesOutcomesAndGeodesicSquareMetres()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("ACT");

        var response = await _client.PostActivityAsync(area.Id, Clearance(area, localId));

        var feature = await response.AssertJsonAsync(HttpStatusCode.Created);
        var id = Guid.Parse(feature.GetProperty("id").GetString()!);
        Assert.Equal($"/api/activities/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var props = feature.Props();
        Assert.Equal((area.Id.ToString(), "KHM", localId, "CLEARANCE", "COMPLETED", "CMAC"),
            (props.Text("hazardAreaId"), props.Text("countryCode"), props.Text("localId"), props.Text("type"), props.Text("status"),
             props.Text("organisation")));
        Assert.Equal(("2024-03-01", "2024-04-30"), (props.Text("startDate"), props.Text("endDate")));
        AssertSqm(area.Box.Sqm, props.Number("workedAreaSqm"), "worked area");
        Assert.Equal("Point", props.GetProperty("referencePoint").GetProperty("type").GetString());
        Assert.Equal([("AP_MINE", 3, 3), ("OTHER_ERW", 1, 1)], [.. props.GetProperty("devices").EnumerateArray()
            .Select(d => (d.Text("type"), d.GetProperty("found").GetInt32(), d.GetProperty("destroyed").GetInt32()))]);
        var outcome = Assert.Single(props.GetProperty("proposedOutcomes").EnumerateArray());
        Assert.Equal("CLEARED", outcome.Text("kind"));
        AssertSqm(area.WestHalf.Sqm, outcome.Number("areaSqm"), "proposed outcome");
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("releaseDecisionId").ValueKind);
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM activity_devices WHERE activity_id = $1", id));
        Assert.Equal(4L, await api.ScalarAsync<long>(
            "SELECT sum(destroyed) FROM activity_devices WHERE activity_id = $1", id));
    }

    [Fact]
    public async Task TheActivityReadsBackWithAnETagThatAnswers304()
    {
        var area = await _client.NewTestAreaAsync();
        var (id, created) = await _client.CreateActivityAsync(area.Id, Clearance(area));

        var read = await _client.GetAsync($"/api/activities/{id}", Ct);
        var body = await read.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(created.Props().GetProperty("proposedOutcomes").ToString(), body.Props().GetProperty("proposedOutcomes").ToString());
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/activities/{id}");
        again.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again, Ct)).StatusCode);
    }

    [Fact]
    public async Task AnAreasActivitiesAreListedAsAFeatureCollectionAndNoOthers()
    {
        var area = await _client.NewTestAreaAsync();
        var other = await _client.NewTestAreaAsync();
        var (survey, _) = await _client.CreateActivityAsync(area.Id, Activity(area, "NTS", null,
            outcomes: [Outcome("CANCELLED", area.EastHalf.Polygon())]));
        var (clearance, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));
        await _client.CreateActivityAsync(other.Id, Clearance(other));

        var page = await _client.GetJsonAsync($"/api/hazard-areas/{area.Id}/activities");

        Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
        var ids = page.GetProperty("features").EnumerateArray().Select(f => Guid.Parse(f.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(new[] { survey, clearance }.Order(), ids.Order());
        var nts = page.GetProperty("features").EnumerateArray().Single(f => f.Props().Text("type") == "NTS");
        Assert.Equal(JsonValueKind.Null, nts.GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task AnUnknownActivityOrAreaIs404()
    {
        await (await _client.GetAsync($"/api/activities/{Guid.NewGuid()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/hazard-areas/{Guid.NewGuid()}/activities", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var area = await _client.NewTestAreaAsync();
        await (await _client.PostActivityAsync(Guid.NewGuid(), Clearance(area))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ALocalIdTakenInTheCountryIs409PointingAtTheExistingActivity()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("DUP");
        var (id, _) = await _client.CreateActivityAsync(area.Id, Clearance(area, localId));

        var problem = await (await _client.PostActivityAsync(area.Id, Clearance(area, localId))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains($"/api/activities/{id}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task ActivitiesWithoutALocalIdNeverCollide()
    {
        var area = await _client.NewTestAreaAsync();

        await _client.CreateActivityAsync(area.Id, Clearance(area));
        await _client.CreateActivityAsync(area.Id, Clearance(area));

        Assert.Equal(2L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task CreatingWritesAVersionAndAnAuditRowNamingTheAuthor()
    {
        var area = await _client.NewTestAreaAsync();
        var surveyor = api.ClientAs(["field-operator"], ["KHM"], "CMAC", "surveyor-3");

        var (id, _) = await surveyor.CreateActivityAsync(area.Id, Clearance(area));

        Assert.Equal("surveyor-3|CMAC|CREATE", await api.ScalarAsync<string>(
            "SELECT actor || '|' || actor_organisation || '|' || action FROM audit_log WHERE entity_type = 'ACTIVITY' AND entity_id = $1", id));
        var history = await _client.GetJsonAsync($"/api/activities/{id}/history");
        var version = Assert.Single(history.GetProperty("features").EnumerateArray());
        Assert.Equal(("surveyor-3", 1), (version.Props().Text("recordedBy"), version.Props().GetProperty("version").GetInt32()));
        Assert.Equal("MultiPolygon", version.GetProperty("geometry").GetProperty("type").GetString());
    }
}
