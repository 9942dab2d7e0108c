using LandRelease.Api.Infrastructure;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Api.Tests.OpenApi;

/// <summary>
/// Every API route in the OpenAPI document says what it does and how it fails: a route mapped without
/// <c>.Documented(summary, problems...)</c> is named here, so a new route cannot reach the document undocumented.
/// </summary>
public sealed class EndpointDocumentationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private List<RouteEndpoint> DocumentedRoutes()
    {
        // Building the client starts the host, which is what fills the endpoint data source.
        _ = api.CreateClient();
        return [.. api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(r => r.RoutePattern.RawText is { } route
                        && (route.StartsWith("/api", StringComparison.Ordinal) || route.StartsWith("/ogc", StringComparison.Ordinal)))
            .Where(r => r.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })];
    }

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        return $"{string.Join(",", methods)} {endpoint.RoutePattern.RawText}";
    }

    [Fact]
    public void EveryApiRouteHasASummaryAndItsProblemsDeclared()
    {
        var routes = DocumentedRoutes();
        Assert.True(routes.Count > 40, $"Only {routes.Count} API routes found: the walk no longer sees the API.");

        var undocumented = routes
            .Where(r => string.IsNullOrWhiteSpace(r.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary)
                        || r.Metadata.GetMetadata<DocumentedProblems>() is null)
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(undocumented.Count == 0,
            "Routes without .Documented(summary, problem statuses...) on their mapping line:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public void SummariesAreUniqueSoOperationIdsAre()
    {
        var repeated = DocumentedRoutes()
            .GroupBy(r => ApiDocumentDescription.OperationId(r.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary ?? ""))
            .Where(g => g.Key.Length > 0 && g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join("; ", g.Select(Describe))}")
            .ToList();

        Assert.True(repeated.Count == 0, "Routes whose summaries give the same operationId:\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void DeclaredProblemsAreClientErrors()
    {
        var odd = DocumentedRoutes()
            .Where(r => r.Metadata.GetMetadata<DocumentedProblems>() is { } problems && problems.Statuses.Any(s => s is < 400 or > 499))
            .Select(Describe)
            .ToList();

        Assert.True(odd.Count == 0, "Routes declaring a problem status outside 4xx:\n" + string.Join("\n", odd));
    }
}
