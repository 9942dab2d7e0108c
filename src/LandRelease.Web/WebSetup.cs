using LandRelease.Web.Access;
using LandRelease.Web.Accounts;
using LandRelease.Web.Components;
using Microsoft.AspNetCore.Antiforgery;
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

    /// <summary>
    /// A page answered with an error status and no body (forbidden, not found, a form without its token) shows the
    /// status page at the address asked for; the API keeps its ProblemDetails. Rendered in place rather than
    /// re-executed, since a re-executed request would not be routed again from inside this branch of the pipeline.
    /// </summary>
    public static IApplicationBuilder UseLandReleasePages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next();
        var response = context.Response;
        // Nothing sent yet means no body was written (a refused form leaves only its Content-Type behind).
        if (response.StatusCode is >= 400 and < 600 && !response.HasStarted && response.ContentLength is null or 0
            && WebPaths.IsPage(context.Request.Path))
        {
            response.ContentType = null;
            // A page that set the status itself (an upload not found) has already rendered once: its renderer's
            // header would be added twice and fail the status page with a 500.
            response.Headers.Remove("blazor-enhanced-nav");
            // Rendered as a GET, by a renderer of its own: as a POST the renderer would look for the refused form
            // again, and the page that refused it may already have used this request's renderer.
            context.Request.Method = HttpMethods.Get;
            var services = context.RequestServices;
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await StatusPage(response.StatusCode).ExecuteAsync(context);
            }
            finally
            {
                context.RequestServices = services;
            }
        }
    });

    /// <summary>
    /// Antiforgery for every form. A page form sent without a valid token stops here with a 400, before the page
    /// runs, and <see cref="UseLandReleasePages"/> shows the 400 page.
    /// </summary>
    public static IApplicationBuilder UseLandReleaseAntiforgery(this IApplicationBuilder app) => app.UseAntiforgery().Use(async (context, next) =>
    {
        if (WebPaths.IsPage(context.Request.Path) && context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next();
    });

    public static IEndpointRouteBuilder MapLandReleaseWeb(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Closed unless a page says otherwise ([AllowAnonymous] on the sign-in form): the framework's own endpoint too.
        app.MapRazorComponents<App>().RequireAuthorization(Policies.AnyUser);
        app.MapSignInEndpoints();
        // Status pages hold no data.
        app.MapGet(WebPaths.AccessDenied, () => StatusPage(StatusCodes.Status403Forbidden)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/not-found", () => StatusPage(StatusCodes.Status404NotFound)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static RazorComponentResult<StatusDocument> StatusPage(int code) =>
        new(new { Code = code }) { StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound };
}
