using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LandRelease.Api.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts a ProblemDetails response with the status, and returns its body for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The rule names of a 422 rule-violation problem.</summary>
    public static async Task<string[]> AssertViolationsAsync(this HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        return [.. problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("rule").GetString()!)];
    }

    public static async Task<JsonElement> AssertJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static Task<HttpResponseMessage> PostFeatureAsync(this HttpClient client, object feature) =>
        client.PostAsJsonAsync("/api/hazard-areas", feature);
}
