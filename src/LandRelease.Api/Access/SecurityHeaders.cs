using LandRelease.Web;

namespace LandRelease.Api.Access;

/// <summary>Headers that stop browsers from sniffing, framing or leaking API responses.</summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // The documentation UI and the job dashboard are pages with scripts of their own; the site's pages
        // load from this host only; everything else is data.
        var path = context.Request.Path;
        if (WebPaths.IsPage(path))
        {
            headers.ContentSecurityPolicy = context.RequestServices.GetRequiredService<PageSecurityHeaders>().ContentSecurityPolicy;
        }
        else if (!path.StartsWithSegments("/scalar") && !path.StartsWithSegments("/hangfire"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }

        await next();
    });
}
