using System.Net;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>A smoke test of the shipped deployment: the API behind nginx over TLS, and the worker beside it.</summary>
public sealed class BehindNginxTests(NginxDeployment site) : IClassFixture<NginxDeployment>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSiteAnswersOverTlsRedirectsPlainHttpAndStillRequiresSignIn()
    {
        using var client = site.ClientFrom("127.0.0.1");
        using var health = await client.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync(Ct));
        Assert.True(health.Headers.Contains("Strict-Transport-Security"), "nginx adds HSTS");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/hazard-areas", Ct)).StatusCode);

        using var plain = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var redirect = await plain.GetAsync($"http://127.0.0.1:{site.HttpPort}/api/reports/regional", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("https", redirect.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task EachClientBehindTheProxyHasItsOwnRateLimitAndCannotChooseItsAddress()
    {
        // Two clients reach nginx from different addresses; the API sees nginx's address on every connection.
        using var first = site.ClientFrom("127.0.0.3");
        using var second = site.ClientFrom("127.0.0.4");
        for (var i = 0; i < NginxDeployment.AnonymousPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/health", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/health", Ct)).StatusCode);
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, "/health") { Headers = { { "X-Forwarded-For", "203.0.113.7" } } };
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.SendAsync(spoofed, Ct)).StatusCode);

        // Were the proxy's address taken as the client's, the first client would have spent the second's requests too.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/health", Ct)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheWorkerRunsJobsAndItRunsThem()
    {
        using var direct = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync($"http://127.0.0.1:{site.WorkerPort}/health", Ct)).StatusCode);
        // Anonymous, anything but /health is refused before routing could matter; WorkerNodeTests shows it has no routes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"http://127.0.0.1:{site.WorkerPort}/api/reports/regional", Ct)).StatusCode);

        await using var database = NpgsqlDataSource.Create(site.ConnectionString);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM hangfire.server"));
        // The reports' outbox sweep is due every 15 s: the worker runs it.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await ScalarAsync(database, "SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no job ran within 60 s; worker:\n{site.Worker.Output}");
            await Task.Delay(500, Ct);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
