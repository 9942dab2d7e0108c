using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Access;

/// <summary>Limits and headers that only a real server shows: body sizes, rate limits, browser headers, start-up refusal.</summary>
public sealed class HardeningTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Posts with Expect: 100-continue, as a client sending a large body should: the server can refuse on the
    /// headers alone, instead of closing the connection while the client is still writing the body.
    /// </summary>
    private Task<HttpResponseMessage> PostAsync(string url, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.ExpectContinue = true;
        return _client.SendAsync(request, Ct);
    }

    [Fact]
    public void TheClientTalksToKestrelNotTheTestServer()
    {
        Assert.NotNull(_client.BaseAddress);
        Assert.Equal("127.0.0.1", _client.BaseAddress!.Host);
        Assert.NotEqual(80, _client.BaseAddress.Port);
    }

    [Fact]
    public async Task AnOrganisationBodyOver256KilobytesIsRefusedWith413()
    {
        var body = $$"""{"code":"BIG","name":"{{new string('x', 300 * 1024)}}","kind":"OPERATOR","countries":["KHM"]}""";

        using var response = await PostAsync("/api/organisations", body);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT count(*) FROM organisations WHERE code = 'BIG'"));
    }

    [Fact]
    public async Task AOneMegabyteHazardousAreaIsNotRefusedForItsSize()
    {
        var localId = NewLocalId("BIG-1MB");
        var body = Features.HazardArea(localId, Circle(Features.Lon + 0.5, Features.Lat, 0.003, 30_000)).ToJsonString();
        Assert.InRange(body.Length, 1024 * 1024, 2 * 1024 * 1024);

        using var response = await PostAsync("/api/hazard-areas", body);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode != HttpStatusCode.RequestEntityTooLarge, "A 1 MB feature was refused for its size.");
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"A 1 MB feature got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 500)]}");
    }

    [Fact]
    public async Task AHazardousAreaBodyOver8MegabytesIsRefusedWith413()
    {
        var feature = Features.HazardArea(NewLocalId("BIG-9MB"));
        feature.Properties()["padding"] = new string('x', 9 * 1024 * 1024);

        using var response = await PostAsync("/api/hazard-areas", feature.ToJsonString());

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ResponsesCarryHeadersThatStopSniffingFramingAndScripts()
    {
        using var data = await _client.GetAsync("/api/countries", Ct);
        using var refused = await api.AnonymousClient().GetAsync("/api/countries", Ct);

        foreach (var response in new[] { data, refused })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousCallerPastTheMinutesAllowanceGets429()
    {
        var anonymous = api.AnonymousClient();
        for (var i = 0; i < KestrelApiFactory.AnonymousPerMinute; i++)
        {
            using var allowed = await anonymous.GetAsync("/health", Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await anonymous.GetAsync("/health", Ct);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
    }

    [Fact]
    public void StartingInProductionWithADevelopmentSigningKeyFails()
    {
        using var production = new ProductionWithDevelopmentKeyFactory();

        var error = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Auth:DevelopmentSigningKey", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>A counter-clockwise circle of <paramref name="vertices"/> points: many vertices, a simple valid polygon.</summary>
    private static JsonObject Circle(double lon, double lat, double radius, int vertices)
    {
        var ring = Enumerable.Range(0, vertices)
            .Select(i => 2 * Math.PI * i / vertices)
            .Select(a => (lon + radius * Math.Cos(a), lat + radius * Math.Sin(a)))
            .Append((lon + radius, lat))
            .ToArray();
        return Features.Polygon(ring);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
