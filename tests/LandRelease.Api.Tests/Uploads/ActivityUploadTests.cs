using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// kind=activities: survey and clearance results recorded on areas the register holds, named by their local id
/// (the attribute names of samples/uploads/activities-halo.geojson and activities-mag.geojson).
/// </summary>
public sealed class ActivityUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Query = "country=KHM&organisation=CMAC&kind=activities";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Activity(string localId, string areaLocalId, string type, string kind, double lon = 102.95,
        string method = "Community meeting and field walk") => new()
    {
        ["type"] = "Feature",
        ["geometry"] = Features.Square(lon + 0.0002, 13.5502, 0.0016),
        ["properties"] = new JsonObject
        {
            ["localId"] = localId,
            ["hazardAreaLocalId"] = areaLocalId,
            ["type"] = type,
            ["organisation"] = "CMAC",
            ["method"] = method,
            ["startDate"] = "2024-06-03",
            ["endDate"] = "2024-06-05",
            ["status"] = "COMPLETED",
            ["dateOfInformation"] = "2024-06-05",
            ["referencePoint"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon + 0.001, 13.549) },
            ["devices"] = new JsonArray(),
            ["proposedOutcomes"] = new JsonArray(new JsonObject { ["kind"] = kind, ["geometry"] = Features.Square(lon + 0.0002, 13.5502, 0.0016) }),
        },
    };

    /// <summary>Areas {batch}-A0.. side by side, 0.004° apart from 102.95 eastwards; their ids by index.</summary>
    private async Task<Guid[]> AreasAsync(string batch, int count)
    {
        var areas = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection([.. Enumerable.Range(0, count)
            .Select(i => Features.HazardArea($"{batch}-A{i}", Features.Square(102.95 + i * 0.004, 13.55, 0.002)))]), KhmCmac));
        return [.. areas.Lines().Select(l => l.RecordId())];
    }

    private static JsonObject[] Clearances(string batch, int count, int areas) => [.. Enumerable.Range(0, count)
        .Select(i => Activity($"{batch}-C{i:00}", $"{batch}-A{i % areas}", "CLEARANCE", "CLEARED", 102.95 + i % areas * 0.004))];

    [Fact]
    public async Task AnActivityNamingItsAreaByLocalIdIsRecordedOnThatArea()
    {
        var batch = UploadDatabase.NewBatch("ACT");
        var area = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(Features.HazardArea($"{batch}-A", Features.Square(102.95, 13.55, 0.002))), KhmCmac));
        var areaId = area.Line(0).RecordId();

        var response = await _client.UploadRawAsync(FeatureCollection(
            Activity($"{batch}-N1", $"{batch}-A", "NTS", "CANCELLED"),
            Activity($"{batch}-N2", $"{batch}-missing", "NTS", "CANCELLED"),
            Activity($"{batch}-N3", $"{batch}-A", "NTS", "CLEARED")), Query);

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 1, 2), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal("activities", status.GetProperty("kind").GetString());
        Assert.Equal(["ACCEPTED", "REJECTED", "REJECTED"], status.Lines().Select(l => l.Outcome()));
        var activities = await _client.GetJsonAsync($"/api/hazard-areas/{areaId}/activities");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/activities/{status.Line(0).RecordId()}", Ct)).StatusCode);
        Assert.Contains(status.Line(0).RecordId().ToString(), activities.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyActivitiesAreRecordedOnceEachWithTheReportInFileOrderAndSentAgainChangeNothing()
    {
        var batch = UploadDatabase.NewBatch("ACT-MANY");
        var areaIds = await AreasAsync(batch, 5);
        var file = FeatureCollection(Clearances(batch, 30, 5));

        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query));
        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query));

        Assert.Equal(("DONE", 30, 0), (first.State(), first.Count("accepted"), first.Count("rejected")));
        Assert.Equal(Enumerable.Range(0, 30), first.Lines().Select(l => l.GetProperty("index").GetInt32()));
        Assert.All(first.Lines(), l => Assert.Equal("CREATED", l.GetProperty("action").GetString()));
        Assert.All(again.Lines(), l => Assert.Equal("UNCHANGED", l.GetProperty("action").GetString()));
        Assert.Equal(first.Lines().Select(l => l.RecordId()), again.Lines().Select(l => l.RecordId()));
        Assert.Equal(30L, await api.ScalarAsync<long>("SELECT count(*) FROM activities WHERE local_id LIKE $1", batch + "%"));
        Assert.Equal(30L, await api.ScalarAsync<long>("SELECT count(*) FROM activity_versions v JOIN activities a ON a.id = v.activity_id WHERE a.local_id LIKE $1", batch + "%"));
        // Six activities per area, recorded at once: each area moved to WORKED_ON once.
        foreach (var areaId in areaIds)
        {
            var area = await _client.AreaPropsAsync(areaId);
            Assert.Equal(("WORKED_ON", 2), (area.GetProperty("status").GetString(), area.GetProperty("version").GetInt32()));
        }
    }

    /// <summary>
    /// The database keeps the geodesic m² of areas and versions (trigger, not generated columns): the merge copies the
    /// m² measured while staging, and a move to WORKED_ON measures nothing; every figure must still be the outline's own.
    /// </summary>
    [Fact]
    public async Task AreasAndVersionsKeepTheGeodesicAreaOfTheirOutlinesThroughUploadRevisionAndWork()
    {
        var batch = UploadDatabase.NewBatch("ACT-SQM");
        await AreasAsync(batch, 2);
        var grown = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            Features.HazardArea($"{batch}-A0", Features.Square(102.95, 13.55, 0.003))), KhmCmac));
        var worked = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(Clearances(batch, 2, 2)), Query));

        Assert.Equal(("UPDATED", 2), (grown.Line(0).GetProperty("action").GetString(), worked.Count("accepted")));
        Assert.Equal(2L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hazard_areas WHERE local_id LIKE $1 AND status = 'WORKED_ON'", batch + "%"));
        Assert.Equal(0L, await api.ScalarAsync<long>("""
            SELECT count(*) FROM hazard_areas WHERE local_id LIKE $1
              AND (area_sqm <> ST_Area(geometry::geography) OR remaining_area_sqm <> ST_Area(remaining_geometry::geography))
            """, batch + "%"));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1 AND area_sqm <> ST_Area(geometry::geography)", batch + "%"));
        Assert.Equal(5L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1", batch + "%"));
        var (larger, smaller) = (await api.ScalarAsync<double>("SELECT area_sqm FROM hazard_areas WHERE local_id = $1", $"{batch}-A0"),
            await api.ScalarAsync<double>("SELECT area_sqm FROM hazard_areas WHERE local_id = $1", $"{batch}-A1"));
        Assert.InRange(larger / smaller, 2.2, 2.3);
    }

    [Fact]
    public async Task ALocalIdTwiceInOneFileIsRecordedThenRevisedInFileOrder()
    {
        var batch = UploadDatabase.NewBatch("ACT-TWICE");
        await AreasAsync(batch, 1);
        // The same local id as the register reads it (trimmed): the same activity, so the same worker, in file order.
        var later = Activity($"{batch}-N1 ", $"{batch}-A0", "NTS", "CANCELLED", method: "Second walk with the village chief");
        later["properties"]!["changeReason"] = "Walked again";

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(
            Activity($"{batch}-N1", $"{batch}-A0", "NTS", "CANCELLED"), Activity($"{batch}-N2", $"{batch}-A0", "NTS", "CANCELLED"), later), Query));

        Assert.Equal(["CREATED", "CREATED", "UPDATED"], status.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(status.Line(0).RecordId(), status.Line(2).RecordId());
        var stored = await _client.GetJsonAsync($"/api/activities/{status.Line(0).RecordId()}");
        Assert.Equal(("Second walk with the village chief", 2),
            (stored.Props().GetProperty("method").GetString(), stored.Props().GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task AnAtomicActivityUploadWithOneRefusedFeatureStoresNone()
    {
        var batch = UploadDatabase.NewBatch("ACT-ATOM");
        var areaIds = await AreasAsync(batch, 2);
        var features = Clearances(batch, 4, 2);
        features[3]["properties"]!["type"] = "NTS";

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(features), Query + "&atomic=true"));

        Assert.Equal(["NOT_STORED", "NOT_STORED", "NOT_STORED", "REJECTED"], status.Lines().Select(l => l.Outcome()));
        Assert.Equal("outcome-kind-mismatch", status.Line(3).Rule());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM activities WHERE local_id LIKE $1", batch + "%"));
        Assert.Equal(("OPEN", 1), ((await _client.AreaPropsAsync(areaIds[0])).GetProperty("status").GetString(),
            (await _client.AreaPropsAsync(areaIds[0])).GetProperty("version").GetInt32()));
    }
}
