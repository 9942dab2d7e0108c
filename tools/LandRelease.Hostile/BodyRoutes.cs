using System.Text.Json.Nodes;

namespace LandRelease.Hostile;

/// <summary>A route that takes a JSON body, with a valid body to spoil: the families below run their values against each.</summary>
public sealed record BodyRoute(string Name, HttpMethod Method, Func<HostileTargets, string> Url, Func<HostileTargets, JsonObject> Body,
    string? IfMatch = null)
{
    public static readonly BodyRoute CreateArea = new("POST area", HttpMethod.Post, _ => "/api/hazard-areas", Bodies.HazardArea);

    public static readonly BodyRoute ReviseArea = new("PUT area", HttpMethod.Put, t => $"/api/hazard-areas/{t.AreaId}", Bodies.HazardArea, "\"1\"");

    public static readonly BodyRoute CreateActivity = new("POST activity", HttpMethod.Post, t => $"/api/hazard-areas/{t.AreaId}/activities",
        Bodies.Activity);

    public static readonly BodyRoute ReviseActivity = new("PUT activity", HttpMethod.Put, t => $"/api/activities/{t.ActivityId}",
        Bodies.Activity, "\"1\"");

    public static readonly BodyRoute DraftDecision = new("POST decision", HttpMethod.Post, _ => "/api/release-decisions", Bodies.Decision);

    public static readonly BodyRoute EditDecision = new("PUT decision", HttpMethod.Put, t => $"/api/release-decisions/{t.DecisionId}",
        Bodies.Decision);

    public static readonly BodyRoute Revoke = new("POST revoke", HttpMethod.Post, t => $"/api/release-decisions/{t.DecisionId}/revoke",
        _ => Bodies.Workflow());

    public static readonly BodyRoute Reject = new("POST reject", HttpMethod.Post, t => $"/api/release-decisions/{t.DecisionId}/reject",
        _ => Bodies.Workflow());

    public static readonly BodyRoute CreateOrganisation = new("POST organisation", HttpMethod.Post, _ => "/api/organisations",
        Bodies.Organisation);

    public static readonly BodyRoute PreviewTraverse = new("POST traverse", HttpMethod.Post, _ => "/api/traverses/preview",
        _ => Bodies.Traverse());

    public static readonly BodyRoute[] All =
        [CreateArea, ReviseArea, CreateActivity, ReviseActivity, DraftDecision, EditDecision, Revoke, Reject, CreateOrganisation, PreviewTraverse];

    /// <summary>The route's valid body with one field replaced by a raw JSON token.</summary>
    public HostileCase Spoiled(string path, string rawToken, string what) =>
        new($"{Name} {path} = {what}", t => Bodies.Json(Method, Url(t), Bodies.Spoil(Body(t), path, rawToken), IfMatch));

    /// <summary>The route with a body that is not the valid one at all.</summary>
    public HostileCase Raw(string json, string what, string contentType = "application/json") =>
        new($"{Name} body {what}", t =>
        {
            var request = Bodies.Json(Method, Url(t), json, IfMatch);
            request.Content!.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
            return request;
        });
}
