using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LandRelease.Hostile;

/// <summary>
/// Records the corpus aims at: an organisation, a hazardous area, an activity on it and a draft decision, made
/// through the API like any client would. A step that fails leaves a random id in its place (the case then tests
/// the lookup), and says so.
/// </summary>
public static class HostileSeed
{
    public static async Task<HostileTargets> SeedAsync(HttpClient client, TextWriter log, CancellationToken ct)
    {
        var targets = HostileTargets.Unseeded();
        using var organisation = await client.PostAsJsonAsync("/api/organisations", new JsonObject
        {
            ["code"] = targets.Organisation, ["name"] = "Hostile input check", ["kind"] = "OPERATOR", ["countries"] = new JsonArray(targets.Country),
        }, ct);
        var areaId = await CreateAsync(client, "/api/hazard-areas", Bodies.HazardArea(targets), log, ct);
        if (areaId is null)
        {
            return targets;
        }

        targets = targets with { AreaId = areaId.Value };
        var activityId = await CreateAsync(client, $"/api/hazard-areas/{areaId}/activities", Bodies.Activity(targets), log, ct);
        var decisionId = await CreateAsync(client, "/api/release-decisions", Bodies.Decision(targets), log, ct);
        return targets with { ActivityId = activityId ?? targets.ActivityId, DecisionId = decisionId ?? targets.DecisionId };
    }

    private static async Task<Guid?> CreateAsync(HttpClient client, string url, JsonObject body, TextWriter log, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync(url, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            await log.WriteLineAsync($"seeding {url}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}; using a random id");
            return null;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetGuid();
    }
}
