using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// A query parameter a route does not know is a 400 naming it, on every route of the API: a misspelt or unsupported
/// filter must never be ignored and answered with the unfiltered first page.
/// </summary>
public sealed class UnknownQueryParameterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Unknown = "no-such-parameter";

    // Created by CreateClient: a national authority of every country (and administrator), who may call every GET route.
    private readonly HttpClient _client = api.CreateClient();

    private static string Fill(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.Parameters.Aggregate(endpoint.RoutePattern.RawText!, (route, p) =>
            System.Text.RegularExpressions.Regex.Replace(route, "\\{" + p.Name + "[^}]*\\}", p.Name switch
            {
                "code" => "KHM",
                "collectionId" => "hazard-areas",
                "z" or "y" or "x" => "0",
                _ => Guid.NewGuid().ToString(),
            }));

    [Fact]
    public async Task EveryGetRouteOfTheApiRefusesAnUnknownParameterByName()
    {
        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(r => r.RoutePattern.RawText is { } raw && (raw.StartsWith("/api", StringComparison.Ordinal) || raw.StartsWith("/ogc", StringComparison.Ordinal)))
            .Where(r => r.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .ToList();
        Assert.True(routes.Count > 25, $"only {routes.Count} GET routes found");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            var url = $"{Fill(route)}?{Unknown}=1";
            using var response = await _client.GetAsync(url, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains($"\"{Unknown}\"", StringComparison.Ordinal))
            {
                failures.Add($"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }
        }

        Assert.True(failures.Count == 0, $"Routes that did not refuse {Unknown}:\n{string.Join("\n", failures)}");
    }

    [Theory]
    [InlineData("/api/release-decisions?state=SUBMITTED&localId=KHM-1", "localId")]
    [InlineData("/api/quality-incidents?organisation=CMAC", "organisation")]
    [InlineData("/api/countries?limit=5", "limit")]
    [InlineData("/api/audit?entityType=HAZARD_AREA&sort=at", "sort")]
    [InlineData("/api/hazard-areas?stauts=OPEN", "stauts")]
    public async Task TheParametersTheIssueNamedAreRefused(string url, string parameter)
    {
        var problem = await (await _client.GetAsync(url, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/release-decisions?State=submitted&LIMIT=5")]
    [InlineData("/api/hazard-areas?localId=KHM&name=village&organisation=CMAC&classification=SHA&limit=5")]
    [InlineData("/ogc/collections/hazard-areas/items?status=OPEN&limit=5")]
    [InlineData("/ogc/conformance?f=json")]
    public async Task KnownParametersPassInAnyCase(string url) =>
        await (await _client.GetAsync(url, Ct)).AssertJsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task AnOgcItemsRequestStillNamesAnUnknownPropertyFilterItself()
    {
        var problem = await (await _client.GetAsync("/ogc/collections/released-land/items?colour=red", Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("kind", problem.GetProperty("errors").GetProperty("colour")[0].GetString(), StringComparison.Ordinal);
    }
}
