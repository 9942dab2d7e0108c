using LandRelease.Web.Accounts;
using LandRelease.Web.Components;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Web;

/// <summary>The pages people use, served by the API's host: <c>AddLandReleaseWeb</c>, <c>UseLandReleasePages</c>, <c>MapLandReleaseWeb</c>.</summary>
public static class WebSetup
{
    private static readonly string[] AnyMethod = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    public static IServiceCollection AddLandReleaseWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o => o.Cookie.Name = "landrelease.antiforgery");
        services.Configure<OidcOptions>(configuration.GetSection(OidcOptions.Section));
        services.AddSingleton<ExternalSignIn>();
        services.AddSingleton<PageSecurityHeaders>();
        return services;
    }

    /// <summary>A page answered with an error status and no body shows the status page; the API keeps its ProblemDetails.</summary>
    public static IApplicationBuilder UseLandReleasePages(this IApplicationBuilder app) =>
        app.UseWhen(context => WebPaths.IsPage(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));

    public static IEndpointRouteBuilder MapLandReleaseWeb(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>();
        app.MapSignInEndpoints();
        // Status pages hold no data, and must render for a visitor not signed in (a form sent without its token).
        app.MapMethods("/error/{code:int}", AnyMethod, (int code) => StatusPage(code)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(WebPaths.AccessDenied, () => StatusPage(StatusCodes.Status403Forbidden)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/not-found", () => StatusPage(StatusCodes.Status404NotFound)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static RazorComponentResult<StatusDocument> StatusPage(int code) =>
        new(new { Code = code }) { StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound };
}
