using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Helpers shared by the hazardous-area tests: setup through the API, and looks at the database behind it.</summary>
public static class HazardAreaApi
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A local id no other test uses.</summary>
    public static string NewLocalId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 64)];

    /// <summary>Creates the organisation unless an earlier test of the class already did (201 or 409).</summary>
    public static async Task EnsureOrganisationAsync(this HttpClient client, string code, params string[] countries)
    {
        var response = await client.PostAsJsonAsync("/api/organisations",
            new { code, name = $"{code} demining", kind = "OPERATOR", countries }, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict,
            $"Creating organisation {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>Posts a feature, asserts 201, and returns the stored Feature and its id.</summary>
    public static async Task<(Guid Id, JsonElement Feature)> CreateAreaAsync(this HttpClient client, JsonObject feature)
    {
        var response = await client.PostFeatureAsync(feature);
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(body.GetProperty("id").GetString()!), body);
    }

    public static Task<HttpResponseMessage> PutFeatureAsync(this HttpClient client, Guid id, JsonObject feature, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/hazard-areas/{id}") { Content = JsonContent.Create(feature) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url, Ct);
        return await response.AssertJsonAsync(status);
    }

    public static HttpContent RawJson(string body) =>
        new StringContent(body, new MediaTypeHeaderValue("application/json"));

    public static JsonElement Props(this JsonElement feature) => feature.GetProperty("properties");

    /// <summary>The outer ring of the first polygon of a stored (MultiPolygon) feature.</summary>
    public static double[][] OuterRing(this JsonElement feature) =>
        [.. feature.GetProperty("geometry").GetProperty("coordinates")[0][0].EnumerateArray()
            .Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray())];

    /// <summary>Shoelace signed area of a closed ring: positive when counter-clockwise.</summary>
    public static double SignedArea(double[][] ring) =>
        Enumerable.Range(1, ring.Length - 1).Sum(i => ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1]) / 2;

    /// <summary>The violation with the given rule in a 422 problem; fails listing what was there if absent.</summary>
    public static async Task<JsonElement> AssertViolationAsync(this HttpResponseMessage response, string rule)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var violations = problem.GetProperty("violations").EnumerateArray().ToList();
        var match = violations.FirstOrDefault(v => v.GetProperty("rule").GetString() == rule);
        Assert.True(match.ValueKind == JsonValueKind.Object,
            $"Expected rule '{rule}' among: {string.Join(", ", violations.Select(v => v.GetProperty("rule").GetString()))}");
        return match;
    }

    /// <summary>The field names of a 400 ValidationProblem.</summary>
    public static async Task<string[]> AssertValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No 'errors' member in {problem}");
        return [.. errors.EnumerateObject().Select(e => e.Name)];
    }

    public static async Task AssertNothingStoredAsync(this ApiFactory api, string localId)
    {
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id = $1", localId));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id = $1", localId));
    }

    public static Task<long> VersionRowsAsync(this ApiFactory api, Guid id) =>
        api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE hazard_area_id = $1", id);
}
