using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

public sealed class CreateTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CreatesAnAreaWithLocationETagAndEveryPropertyRoundTripped()
    {
        var localId = NewLocalId("KHM-BTB");
        var feature = Features.HazardArea(localId);
        feature.Properties()["contamination"] = new JsonArray("AV_MINE", "AP_MINE", "AV_MINE");

        var response = await _client.PostFeatureAsync(feature);

        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/hazard-areas/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("Feature", body.GetProperty("type").GetString());
        Assert.Equal("MultiPolygon", body.GetProperty("geometry").GetProperty("type").GetString());
        Assert.False(body.TryGetProperty("warnings", out _));

        var p = body.Props();
        Assert.Equal(id, p.GetProperty("id").GetGuid());
        Assert.Equal("KHM", p.GetProperty("countryCode").GetString());
        Assert.Equal(localId, p.GetProperty("localId").GetString());
        Assert.Equal($"Rice field {localId}", p.GetProperty("name").GetString());
        Assert.Equal("CHA", p.GetProperty("classification").GetString());
        Assert.Equal(["AP_MINE", "AV_MINE"], p.GetProperty("contamination").EnumerateArray().Select(c => c.GetString()).ToArray());
        Assert.Equal("OPEN", p.GetProperty("status").GetString());
        var evidence = p.GetProperty("evidence").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("description").GetString())).ToArray();
        Assert.Equal([("DIRECT", "PMN-2 found by a farmer"), ("INDIRECT", "Village chief interview")], evidence);
        Assert.Equal("2024-05-01", p.GetProperty("dateOfInformation").GetString());
        Assert.Equal("CMAC", p.GetProperty("organisation").GetString());
        Assert.Equal(1, p.GetProperty("version").GetInt32());
        Assert.Equal("test-user", p.GetProperty("recordedBy").GetString());
        Assert.Equal("CMAA", p.GetProperty("recordedByOrganisation").GetString());
        Assert.InRange(p.GetProperty("recordedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task AreaSqmIsTheEllipsoidalAreaOfTheRectangle()
    {
        const double west = 103.20, south = 13.10, size = 0.01;
        var (_, body) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-AREA"), Features.Square(west, south, size)));

        var expected = EllipsoidalRectangleArea(south, south + size, size);
        var actual = body.Props().GetProperty("areaSqm").GetDouble();
        Assert.InRange(expected, 1.19e6, 1.21e6); // the reference formula itself: ~1.09 km x 1.11 km
        Assert.True(Math.Abs(actual - expected) / expected < 1e-4, $"areaSqm {actual} vs ellipsoidal {expected}");
    }

    [Fact]
    public async Task GetByIdReturnsTheSameFeatureAsTheCreateResponse()
    {
        var (id, created) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-GET")));

        var response = await _client.GetAsync($"/api/hazard-areas/{id}", Ct);

        var fetched = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(created.GetRawText()), JsonNode.Parse(fetched.GetRawText())),
            $"created {created}\nfetched {fetched}");
    }

    [Fact]
    public async Task AClockwiseRingIsStoredCounterClockwise()
    {
        const double lon = 103.0, lat = 13.3;
        var clockwise = Features.Polygon((lon, lat), (lon, lat + 0.002), (lon + 0.002, lat + 0.002), (lon + 0.002, lat), (lon, lat));
        Assert.True(SignedArea([.. clockwise["coordinates"]![0]!.AsArray().Select(p => new[] { (double)p![0]!, (double)p[1]! })]) < 0);

        var (_, body) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-CW"), clockwise));

        var ring = body.OuterRing();
        Assert.Equal(5, ring.Length);
        Assert.True(SignedArea(ring) > 0, $"signed area {SignedArea(ring)}");
    }

    [Fact]
    public async Task HeightsAreDroppedWithAWarning()
    {
        var withZ = new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(new JsonArray(
                new JsonArray(103.1, 13.2, 12.5), new JsonArray(103.102, 13.2, 13.0), new JsonArray(103.102, 13.202, 14.0),
                new JsonArray(103.1, 13.202, 12.0), new JsonArray(103.1, 13.2, 12.5))),
        };

        var (_, body) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-Z"), withZ));

        Assert.Contains("z-m-dropped", Rules(body));
        Assert.All(body.OuterRing(), p => Assert.Equal(2, p.Length));
    }

    [Fact]
    public async Task RepeatedConsecutiveVerticesAreRemovedWithAWarning()
    {
        const double lon = 103.3, lat = 13.25;
        var repeated = Features.Polygon((lon, lat), (lon + 0.002, lat), (lon + 0.002, lat), (lon + 0.002, lat + 0.002),
            (lon, lat + 0.002), (lon, lat));

        var (_, body) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-DUP"), repeated));

        Assert.Contains("duplicate-vertices", Rules(body));
        Assert.Equal(5, body.OuterRing().Length);
    }

    [Fact]
    public async Task ALegacyDhaIsStoredAsACha()
    {
        var (id, body) = await _client.CreateAreaAsync(Features.HazardArea(NewLocalId("KHM-DHA"), classification: "DHA"));

        Assert.Equal("CHA", body.Props().GetProperty("classification").GetString());
        Assert.Equal("CHA", await api.ScalarAsync<string>("SELECT classification FROM hazard_areas WHERE id = $1", id));
    }

    [Fact]
    public async Task TheSameLocalIdTwiceInACountryIsAConflictAndStoredOnce()
    {
        var localId = NewLocalId("KHM-TWICE");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        var problem = await (await _client.PostFeatureAsync(Features.HazardArea(localId, Features.Square(103.4, 13.4, 0.002))))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id = $1", localId));
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id = $1", localId));
    }

    [Fact]
    public async Task TheSameLocalIdInAnotherCountryIsADifferentArea()
    {
        await _client.EnsureOrganisationAsync("UXO-LAO", "LAO");
        var localId = NewLocalId("SHARED");
        var (khm, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        var (lao, body) = await _client.CreateAreaAsync(
            Features.HazardArea(localId, Features.Square(102.6, 17.97, 0.002), country: "LAO", organisation: "UXO-LAO"));

        Assert.NotEqual(khm, lao);
        Assert.Equal("LAO", body.Props().GetProperty("countryCode").GetString());
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id = $1", localId));
    }

    private static string?[] Rules(JsonElement body) =>
        [.. body.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("rule").GetString())];

    /// <summary>
    /// Area on the WGS 84 ellipsoid between two parallels over <paramref name="widthDegrees"/> of longitude:
    /// a²(1−e²)·Δλ·[F(φ2)−F(φ1)], F(φ) = sinφ/(2(1−e²sin²φ)) + ln((1+e·sinφ)/(1−e·sinφ))/(4e).
    /// </summary>
    private static double EllipsoidalRectangleArea(double southDegrees, double northDegrees, double widthDegrees)
    {
        const double a = 6378137.0, f = 1 / 298.257223563;
        double e2 = f * (2 - f), e = Math.Sqrt(e2);
        double F(double degrees)
        {
            double s = Math.Sin(degrees * Math.PI / 180);
            return s / (2 * (1 - e2 * s * s)) + Math.Log((1 + e * s) / (1 - e * s)) / (4 * e);
        }

        return a * a * (1 - e2) * (widthDegrees * Math.PI / 180) * (F(northDegrees) - F(southDegrees));
    }
}
