using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// X-Forwarded-For decides the client's address (and so its rate-limit bucket) only when the connection comes from a
/// configured proxy. The tests connect from 127.0.0.1, which ASP.NET Core would trust by default.
/// </summary>
public sealed class ProxyHeaderTests
{
    internal static async Task<HttpStatusCode> HealthFromAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>With no proxy configured, even loopback's header is ignored.</summary>
    public sealed class NoProxyConfigured(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
    {
        [Fact]
        public async Task SpoofedForwardedForAddressesShareTheRealAddresssBucket()
        {
            var client = api.AnonymousClient();
            for (var i = 0; i < KestrelApiFactory.AnonymousPerMinute; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await HealthFromAsync(client, $"203.0.113.{i + 1}"));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await HealthFromAsync(client, "198.51.100.7"));
        }
    }

    /// <summary>With 127.0.0.1 configured as the proxy, each forwarded client has its own bucket.</summary>
    public sealed class LoopbackProxyConfigured(TrustedLoopbackProxyApiFactory api) : IClassFixture<TrustedLoopbackProxyApiFactory>
    {
        [Fact]
        public async Task EachForwardedClientHasItsOwnBucket()
        {
            var client = api.AnonymousClient();
            for (var i = 0; i < KestrelApiFactory.AnonymousPerMinute; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await HealthFromAsync(client, "203.0.113.1"));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await HealthFromAsync(client, "203.0.113.1"));
            Assert.Equal(HttpStatusCode.OK, await HealthFromAsync(client, "203.0.113.2"));
        }

        [Fact]
        public async Task OnlyTheHopFromTheProxyIsTakenNotAnAddressTheClientPrepended()
        {
            var client = api.AnonymousClient();
            for (var i = 0; i < KestrelApiFactory.AnonymousPerMinute; i++)
            {
                // The client wrote the first address itself; the proxy appended the one it saw.
                Assert.Equal(HttpStatusCode.OK, await HealthFromAsync(client, $"192.0.2.{i + 1}, 203.0.113.9"));
            }

            Assert.Equal(HttpStatusCode.TooManyRequests, await HealthFromAsync(client, "192.0.2.99, 203.0.113.9"));
        }
    }
}

/// <summary>The Kestrel server with the proxy on the same machine configured as trusted.</summary>
public sealed class TrustedLoopbackProxyApiFactory : KestrelApiFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("ForwardedHeaders:KnownProxies", "127.0.0.1");
}
