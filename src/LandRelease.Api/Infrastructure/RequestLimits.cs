using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using System.Threading.RateLimiting;

namespace LandRelease.Api.Infrastructure;

/// <summary>Body size limits per route and a rate limit on the routes anyone may call.</summary>
internal static class RequestLimits
{
    public const string AnonymousPolicy = "anonymous";

    /// <summary>Any route that does not say otherwise: enough for an organisation or a decision.</summary>
    public const long DefaultBodyBytes = 256 * 1024;

    /// <summary>One hazardous area: a surveyed boundary may have tens of thousands of vertices.</summary>
    public const long FeatureBodyBytes = 8 * 1024 * 1024;

    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    public static IServiceCollection AddLandReleaseRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:AnonymousPerMinute", 120);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests", Detail = "Slow down and retry in a minute." },
                });
            };
        });
    }
}
