using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>A hazardous area made for one test: its id, its box and a reference point just south-west of it.</summary>
public sealed record TestArea(Guid Id, Box Box)
{
    public (double Lon, double Lat) NearbyPoint => (Box.West - 0.001, Box.South - 0.001);

    /// <summary>The western half of the area, wholly inside it.</summary>
    public Box WestHalf => Box with { East = (Box.West + Box.East) / 2 };

    public Box EastHalf => Box with { West = (Box.West + Box.East) / 2 };
}

/// <summary>Helpers shared by the activity tests: areas and activities through the API.</summary>
public static class ActivityApi
{
    /// <summary>A fresh 0.002° square area (about 216 m a side) in north-west Cambodia, recorded by CMAC.</summary>
    public static async Task<TestArea> NewTestAreaAsync(this HttpClient client)
    {
        var (lon, lat) = ReleaseApi.NewSpot();
        var box = new Box(lon, lat, lon + 0.002, lat + 0.002);
        var (id, _) = await client.NewAreaAsync(box);
        return new TestArea(id, box);
    }

    public static JsonObject Point(double lon, double lat) => new() { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };

    public static JsonObject Device(string type, int found, int destroyed) =>
        new() { ["type"] = type, ["found"] = found, ["destroyed"] = destroyed };

    public static JsonObject Outcome(string kind, JsonNode geometry) => new() { ["kind"] = kind, ["geometry"] = geometry };

    /// <summary>A completed clearance of the whole area by CMAC that proposes to clear its western half.</summary>
    public static JsonObject Clearance(TestArea area, string? localId = null) => Activity(area, "CLEARANCE", area.Box.Polygon(),
        localId: localId, outcomes: [Outcome("CLEARED", area.WestHalf.Polygon())],
        devices: [Device("AP_MINE", 3, 3), Device("OTHER_ERW", 1, 1)]);

    public static JsonObject Activity(TestArea area, string type, JsonNode? workedArea, string status = "COMPLETED",
        string organisation = "CMAC", string? localId = null, string startDate = "2024-03-01", string? endDate = "2024-04-30",
        JsonObject? referencePoint = null, JsonObject[]? devices = null, JsonObject[]? outcomes = null)
    {
        var (lon, lat) = area.NearbyPoint;
        var properties = new JsonObject
        {
            ["localId"] = localId,
            ["type"] = type,
            ["organisation"] = organisation,
            ["method"] = "Manual clearance to 13 cm",
            ["startDate"] = startDate,
            ["endDate"] = endDate,
            ["status"] = status,
            ["referencePoint"] = referencePoint ?? Point(lon, lat),
            ["devices"] = new JsonArray([.. devices ?? []]),
            ["proposedOutcomes"] = new JsonArray([.. outcomes ?? []]),
            ["notes"] = "Completion report CR-17",
        };
        return new JsonObject { ["type"] = "Feature", ["geometry"] = workedArea, ["properties"] = properties };
    }

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Guid areaId, JsonObject feature) =>
        client.PostAsJsonAsync($"/api/hazard-areas/{areaId}/activities", feature, Ct);

    /// <summary>Posts an activity, asserts 201, and returns its id and stored Feature.</summary>
    public static async Task<(Guid Id, JsonElement Feature)> CreateActivityAsync(this HttpClient client, Guid areaId, JsonObject feature)
    {
        var body = await (await client.PostActivityAsync(areaId, feature)).AssertJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(body.GetProperty("id").GetString()!), body);
    }

    public static Task<HttpResponseMessage> PutActivityAsync(this HttpClient client, Guid id, JsonObject feature, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/activities/{id}") { Content = JsonContent.Create(feature) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> DraftDecisionsAsync(this HttpClient client, Guid activityId) =>
        client.PostAsync($"/api/activities/{activityId}/decisions", null, Ct);

    public static Task<long> ActivityRowsAsync(this ApiFactory api, Guid areaId) =>
        api.ScalarAsync<long>("SELECT count(*) FROM activities WHERE hazard_area_id = $1", areaId);
}
