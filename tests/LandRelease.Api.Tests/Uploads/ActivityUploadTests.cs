using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// kind=activities: survey and clearance results recorded on areas the register holds, named by their local id
/// (the attribute names of samples/uploads/activities.geojson). Pending: activity uploads are not built yet.
/// </summary>
public sealed class ActivityUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Query = "country=KHM&organisation=CMAC&kind=activities";
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Activity(string localId, string areaLocalId, string type, string kind) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = Features.Square(102.9502, 13.5502, 0.0016),
        ["properties"] = new JsonObject
        {
            ["localId"] = localId,
            ["hazardAreaLocalId"] = areaLocalId,
            ["type"] = type,
            ["organisation"] = "CMAC",
            ["method"] = "Community meeting and field walk",
            ["startDate"] = "2024-06-03",
            ["endDate"] = "2024-06-05",
            ["status"] = "COMPLETED",
            ["dateOfInformation"] = "2024-06-05",
            ["referencePoint"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(102.951, 13.549) },
            ["devices"] = new JsonArray(),
            ["proposedOutcomes"] = new JsonArray(new JsonObject { ["kind"] = kind, ["geometry"] = Features.Square(102.9502, 13.5502, 0.0016) }),
        },
    };

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
}
