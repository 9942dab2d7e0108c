using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// Every route says who may call it. The fallback policy already closes a forgotten route, but a route
/// that names its policy is one a reviewer can read; these tests keep a new route from being born open.
/// </summary>
public sealed class RoutePolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// The routes anyone may call: the health probe, the API's documentation, and the doors of the pages (the sign-in
    /// form and its round trips, sign-out, the status pages), none of which holds data.
    /// </summary>
    private static readonly string[] ExpectedAnonymous =
    [
        // MapHealthChecks answers any method; a probe holds no data whatever the verb.
        "ANY /health",
        "GET /openapi/{documentName}.json",
        "GET /scalar/favicon.svg",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/scalar.js",
        "GET /scalar/{documentName?}",
        "GET,POST /signin",
        "POST /signin/external",
        "GET /signin/external/complete",
        "POST /signout",
        "GET /access-denied",
        "GET /not-found",
    ];

    /// <summary>The pages' own stylesheet, icon and scripts: the sign-in form needs them before anyone signs in.</summary>
    private const string PageAssets = "/_content/LandRelease.Web/";

    /// <summary>ASP.NET Core's own component scripts, published with the pages (the same files for every deployment).</summary>
    private const string FrameworkScripts = "/_framework/blazor.";

    private List<RouteEndpoint> Routes()
    {
        // Building the client starts the host, which is what fills the endpoint data source.
        _ = api.CreateClient();
        return [.. api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    private static string Describe(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        var verb = methods.Count == 0 ? "ANY" : string.Join(",", methods.Order(StringComparer.Ordinal));
        return $"{verb} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
    }

    [Fact]
    public void EveryRouteDeclaresAPolicyOrIsMarkedAnonymous()
    {
        var routes = Routes();
        Assert.NotEmpty(routes);

        var open = routes
            .Where(r => r.Metadata.GetMetadata<IAuthorizeData>() is null && r.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(open.Count == 0, $"Routes with neither a policy nor AllowAnonymous:\n{string.Join("\n", open)}");
    }

    [Fact]
    public void OnlyTheHealthProbeAndTheDocumentationAreAnonymous()
    {
        var anonymous = Routes()
            .Where(r => r.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(Describe)
            .Where(route => !route.Contains(" " + PageAssets, StringComparison.Ordinal) && !route.Contains(" " + FrameworkScripts, StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(ExpectedAnonymous.Order(StringComparer.Ordinal).SequenceEqual(anonymous),
            $"Anonymous routes are:\n{string.Join("\n", anonymous)}\nexpected:\n{string.Join("\n", ExpectedAnonymous)}");
    }

    [Fact]
    public void EveryRegisterRouteRequiresARegisterPolicy()
    {
        // The register and its activities hold coordinates of uncleared land; "any authenticated user" is not enough for it.
        var loose = Routes()
            .Where(r => r.RoutePattern.RawText is { } route
                        && (route.StartsWith("/api/hazard-areas", StringComparison.Ordinal)
                            || route.StartsWith("/api/activities", StringComparison.Ordinal)))
            .Where(r => r.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .All(a => a.Policy is not ("register-reader" or "register-writer")))
            .Select(Describe)
            .ToList();

        Assert.True(loose.Count == 0, $"Register routes without a register policy:\n{string.Join("\n", loose)}");
    }
}
