namespace LandRelease.Api.Infrastructure;

/// <summary>
/// The limits on a request's target and headers, answered as ProblemDetails. Kestrel's own limits answer with a bare
/// 414 or 431 before any middleware runs, so they are set higher (<see cref="KestrelRequestLineBytes"/>,
/// <see cref="KestrelHeaderBytes"/>) and the real limits are checked here; past Kestrel's the bare answer remains.
/// </summary>
internal static class RequestLineLimits
{
    /// <summary>Path and query string; no API query needs more than a few hundred characters.</summary>
    public const int MaxTargetChars = 8 * 1024;

    /// <summary>All headers together; a bearer token is a few KB.</summary>
    public const int MaxHeaderChars = 32 * 1024;

    public const int KestrelRequestLineBytes = 64 * 1024;

    public const int KestrelHeaderBytes = 64 * 1024;

    public static IApplicationBuilder UseRequestLineLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var target = (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
        if (target > MaxTargetChars)
        {
            await WriteAsync(context, StatusCodes.Status414UriTooLong, "The address is too long",
                $"The path and query string are {target:N0} characters; at most {MaxTargetChars:N0} are read.");
            return;
        }

        var headers = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0));
        if (headers > MaxHeaderChars)
        {
            await WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The headers are too large",
                $"The request's headers are {headers:N0} characters; at most {MaxHeaderChars:N0} are read.");
            return;
        }

        await next(context);
    });

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
