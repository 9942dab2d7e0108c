using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// kind=activities through the set-based path: each feature's line, a resend under the same Idempotency-Key, atomic
/// refusal by a check that needs the register, work on closed land, and one audit snapshot whatever the door.
/// </summary>
public sealed class ActivityUploadCheckTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Query = "country=KHM&organisation=CMAC&kind=activities";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject On(TestArea area, JsonObject feature)
    {
        feature["properties"]!["hazardAreaId"] = area.Id.ToString();
        return feature;
    }

    /// <summary>A fresh area with the given status, registered by upload (the API creates areas OPEN).</summary>
    private async Task<TestArea> AreaWithStatusAsync(string status)
    {
        var (lon, lat) = NewSpot();
        var box = new Box(lon, lat, lon + 0.002, lat + 0.002);
        var feature = Features.HazardArea(NewLocalId("AREA"), box.Polygon());
        feature["properties"]!["status"] = status;
        var report = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(feature), KhmCmac));
        return new TestArea(report.Line(0).RecordId(), box);
    }

    [Fact]
    public async Task EachRefusedFeatureIsReportedWithItsRuleWhileTheOthersLand()
    {
        var area = await _client.NewTestAreaAsync();
        var noPoint = On(area, Clearance(area, NewLocalId("NOPT")));
        noPoint["properties"]!.AsObject().Remove("referencePoint");
        var outside = On(area, Activity(area, "CLEARANCE", area.Box.Polygon(), localId: NewLocalId("OUT"),
            outcomes: [Outcome("CLEARED", new Box(area.Box.West, area.Box.South, area.Box.East + 0.002, area.Box.North).Polygon())]));
        var backwards = On(area, Activity(area, "NTS", area.Box.Polygon(), localId: NewLocalId("BACK"), startDate: "2024-05-01", endDate: "2024-04-30"));
        var unknownOrg = On(area, Activity(area, "NTS", area.Box.Polygon(), localId: NewLocalId("ORG"), organisation: "NOBODY"));
        var missingArea = Clearance(area, NewLocalId("MISS"));
        missingArea["properties"]!["hazardAreaLocalId"] = "NO-SUCH-AREA";
        var good = On(area, Clearance(area, NewLocalId("GOOD")));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(noPoint, outside, backwards, unknownOrg, missingArea, good), Query));

        Assert.Equal(("DONE", 1, 5), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(["REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED"], status.Lines().Select(l => l.Outcome()));
        Assert.Equal(["unreadable-attribute", "outside-hazard-area", "end-before-start", "organisation-unknown", "not-found"],
            status.Lines().Take(5).Select(l => l.Rule()));
        var stray = status.Line(1).Violation("outside-hazard-area");
        Assert.Equal("properties.proposedOutcomes[0].geometry", stray.GetProperty("field").GetString());
        // Located on the part that strays: east of the area, within the outcome.
        var at = stray.GetProperty("location");
        Assert.InRange(at[0].GetDouble(), area.Box.East, area.Box.East + 0.002);
        Assert.InRange(at[1].GetDouble(), area.Box.South, area.Box.North);
        Assert.Contains("for example at (longitude ", stray.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task TheSameFileUnderTheSameIdempotencyKeyIsOneUploadAndRecordsEachActivityOnce()
    {
        var area = await _client.NewTestAreaAsync();
        var file = FeatureCollection(On(area, Clearance(area, NewLocalId("IDEM"))),
            On(area, Activity(area, "NTS", area.Box.Polygon(), localId: NewLocalId("IDEM"))));
        var key = Guid.NewGuid().ToString();

        var first = await _client.UploadRawAsync(file, Query, idempotencyKey: key);
        var again = await _client.UploadRawAsync(file, Query, idempotencyKey: key);

        var firstStatus = await _client.AcceptedAndFinishedAsync(first);
        Assert.Equal(["ACCEPTED", "ACCEPTED"], firstStatus.Lines().Select(l => l.Outcome()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        var againBody = await again.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(firstStatus.Id(), againBody.Id());
        Assert.Equal(2L, await api.ActivityRowsAsync(area.Id));
        Assert.Equal(2L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM activity_versions v JOIN activities a ON a.id = v.activity_id WHERE a.hazard_area_id = $1", area.Id));
    }

    [Fact]
    public async Task AnAtomicUploadRefusedByTheRegistersOwnCheckStoresNothingAndMovesNoArea()
    {
        var area = await _client.NewTestAreaAsync();
        var far = On(area, Clearance(area, NewLocalId("FAR")));
        far["properties"]!["referencePoint"] = Point(area.Box.West + 0.2, area.Box.South);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(On(area, Clearance(area, NewLocalId("OK"))), far), Query + "&atomic=true"));

        Assert.Equal("FAILED", status.State());
        Assert.Equal(["NOT_STORED", "REJECTED"], status.Lines().Select(l => l.Outcome()));
        Assert.Equal("reference-point-far-from-area", status.Line(1).Rule());
        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
        var props = await _client.AreaPropsAsync(area.Id);
        Assert.Equal(("OPEN", 1), (props.GetProperty("status").GetString(), props.GetProperty("version").GetInt32()));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity_type = 'HAZARD_AREA' AND entity_id = $1 AND action = 'STATUS'", area.Id));
    }

    [Theory]
    [InlineData("CLOSED")]
    [InlineData("HANDED_OVER")]
    public async Task WorkUploadedOnClosedLandIsRecordedWithAWarningAndMovesNothing(string areaStatus)
    {
        var area = await AreaWithStatusAsync(areaStatus);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(On(area, Clearance(area, NewLocalId("LATE")))), Query));

        var line = status.Line(0);
        Assert.Equal(("ACCEPTED", "CREATED"), (line.Outcome(), line.GetProperty("action").GetString()));
        Assert.Equal(["area-closed"], line.Rules("warnings"));
        Assert.Contains(areaStatus, line.GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var props = await _client.AreaPropsAsync(area.Id);
        Assert.Equal((areaStatus, 1), (props.GetProperty("status").GetString(), props.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task WorkPostedOnClosedLandIsCreatedWithTheWarningInTheResponse()
    {
        var area = await AreaWithStatusAsync("CLOSED");

        var body = await (await _client.PostActivityAsync(area.Id, Clearance(area))).AssertJsonAsync(HttpStatusCode.Created);

        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal(("area-closed", "properties.hazardAreaId"),
            (warning.GetProperty("rule").GetString(), warning.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task TheSameActivityByPostAndByUploadLeavesTheSameAuditSnapshot()
    {
        var area = await _client.NewTestAreaAsync();
        // No local id, so the register takes both as new activities, identical in every attribute.
        var (postedId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));
        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(On(area, Clearance(area))), Query));
        var uploadedId = status.Line(0).RecordId();

        var posted = await AuditAfterAsync(postedId);
        var uploaded = await AuditAfterAsync(uploadedId);

        Assert.NotEqual(postedId, uploadedId);
        Assert.Equal(posted.Select(p => p.Key), uploaded.Select(p => p.Key));
        Assert.Equal(posted.Select(p => p.Value.GetRawText()), uploaded.Select(p => p.Value.GetRawText()));
        Assert.Contains(posted, p => p.Key == "devices" && p.Value.GetArrayLength() == 2);
    }

    private async Task<List<KeyValuePair<string, JsonElement>>> AuditAfterAsync(Guid activityId)
    {
        var after = await api.ScalarAsync<string>(
            "SELECT after::text FROM audit_log WHERE entity_type = 'ACTIVITY' AND entity_id = $1 AND action = 'CREATE'", activityId);
        return [.. JsonDocument.Parse(after).RootElement.EnumerateObject().Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone()))];
    }
}
