using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are honoured only when the connection comes from a configured proxy, so rate limits,
/// audit and logs see the real client and a client cannot choose its own address by sending the header itself.
/// </summary>
internal static class ProxyHeaders
{
    public static IServiceCollection AddLandReleaseProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration, "ForwardedHeaders:KnownProxies", IPAddress.Parse);
        var networks = Parse(configuration, "ForwardedHeaders:KnownNetworks", System.Net.IPNetwork.Parse);
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // The middleware trusts every sender when both lists are empty, so with no proxy configured it reads nothing.
            options.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // ASP.NET Core trusts loopback by default; here nothing is trusted unless configured (add 127.0.0.1 when
            // the proxy runs on the same server).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // The obsolete list too, in case it still holds the default 127.0.0.0/8 and is read.
#pragma warning disable ASPDEPR005
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            // Each hop is taken only while the address it came from is a known proxy, so a chain of proxies works.
            options.ForwardLimit = null;
        });
    }

    private static List<T> Parse<T>(IConfiguration configuration, string key, Func<string, T> parse)
    {
        // Either a list (Key__0, Key__1) or one comma-separated value.
        var section = configuration.GetSection(key);
        var values = section.Value?.Split(',') ?? section.Get<string[]>() ?? [];
        return values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value =>
        {
            try { return parse(value.Trim()); }
            catch (FormatException) { throw new InvalidOperationException($"{key}: '{value}' is not an IP address or network."); }
        }).ToList();
    }
}
