using System.Net.Http.Headers;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// The API on real Kestrel over loopback: TestServer ignores body size limits and never sees a connection drop.
/// </summary>
public class KestrelUploadFactory : ApiFactory
{
    public KestrelUploadFactory() => UseKestrel(0);

    /// <summary>
    /// A plain client onto the server, acting as CreateClient()'s user: the factory's own client buffers a request
    /// body whole before sending it, so a body that breaks off half-way would never reach the server.
    /// </summary>
    public HttpClient PlainClient()
    {
        var client = new HttpClient { BaseAddress = CreateClient().BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Token([Roles.Admin, Roles.NationalAuthority], AllCountries, "CMAA"));
        return client;
    }
}
