using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Access;

/// <summary>Who may call what: one row per route, one column per identity; each cell is its own test case.</summary>
public sealed class AuthorizationMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Khm = ["KHM"];

    private static readonly string[] Columns =
        ["anonymous", "fo-khm-cmac", "fo-khm-halo", "fo-lao", "na-khm", "na-lao", "regional-viewer", "admin"];

    private static readonly (string Route, int[] Expected)[] Table =
    [
        // Another country's record is a 404, as a missing one is (a 403 would tell which ids exist); a role that may not
        // use the route at all is a 403.
        //                                              anon cmac halo  lao na-k na-l  reg admin
        ("GET /api/countries",                          [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET /api/countries/KHM",                      [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET /api/countries/outlines",                 [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET /api/organisations",                      [401, 200, 200, 200, 200, 200, 200, 200]),
        ("GET /api/organisations/CMAC",                 [401, 200, 200, 200, 200, 200, 200, 200]),
        ("POST /api/organisations",                     [401, 403, 403, 403, 403, 403, 403, 201]),
        ("GET /api/hazard-areas",                       [401, 200, 200, 200, 200, 200, 403, 403]),
        ("GET /api/hazard-areas?country=KHM",           [401, 200, 200, 403, 200, 403, 403, 403]),
        ("GET /api/hazard-areas?bbox=both",             [401, 200, 200, 200, 200, 200, 403, 403]),
        ("GET /api/hazard-areas/{khm}",                 [401, 200, 200, 404, 200, 404, 403, 403]),
        ("GET /api/hazard-areas/{khm}?asAt=2030-01-01", [401, 200, 200, 404, 200, 404, 403, 403]),
        ("GET /api/hazard-areas/{khm}/history",         [401, 200, 200, 404, 200, 404, 403, 403]),
        ("POST /api/hazard-areas (KHM, CMAC)",          [401, 201, 403, 403, 201, 403, 403, 403]),
        // The area was not drawn from a traverse: a 404 for its readers too.
        ("GET /api/hazard-areas/{khm}/traverse",        [401, 404, 404, 404, 404, 404, 403, 403]),
        ("PUT /api/hazard-areas/{khm}",                 [401, 200, 403, 404, 200, 404, 403, 403]),
        ("GET /api/hazard-areas/{khm}/activities",      [401, 200, 200, 404, 200, 404, 403, 403]),
        ("POST /api/hazard-areas/{khm}/activities (CMAC)", [401, 201, 403, 404, 201, 404, 403, 403]),
        ("GET /api/activities/{khm}",                   [401, 200, 200, 404, 200, 404, 403, 403]),
        ("GET /api/activities/{khm}/history",           [401, 200, 200, 404, 200, 404, 403, 403]),
        ("PUT /api/activities/{khm}",                   [401, 200, 403, 404, 200, 404, 403, 403]),
        // Drafting is idempotent, so every permitted call answers 200 with the same decisions.
        ("POST /api/activities/{khm}/decisions",        [401, 200, 403, 404, 200, 404, 403, 403]),
        ("GET /hangfire",                               [401, 403, 403, 403, 403, 403, 403, 200]),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var (route, expected) in Table)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                cases.Add(Columns[i], route, expected[i]);
            }
        }

        return cases;
    }

    public static TheoryData<string> RouteNames() => [.. Table.Select(row => row.Route)];

    public static TheoryData<string, string> ListCases() => new()
    {
        { "fo-khm-cmac", "/api/hazard-areas" }, { "fo-khm-cmac", $"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}" },
        { "fo-khm-halo", "/api/hazard-areas" }, { "fo-khm-halo", $"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}" },
        { "na-khm", "/api/hazard-areas" }, { "na-khm", $"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}" },
        { "fo-lao", "/api/hazard-areas" }, { "fo-lao", $"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}" },
        { "na-lao", "/api/hazard-areas" }, { "na-lao", $"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}" },
    };

    private Task<HttpResponseMessage> SendAsync(string identity, string route)
    {
        var client = world.Client(identity);
        var areas = $"/api/hazard-areas/{world.KhmArea}";
        return route switch
        {
            "POST /api/organisations" => client.PostAsJsonAsync("/api/organisations",
                new { code = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant(), name = "Access check", kind = "OPERATOR", countries = Khm }, Ct),
            "GET /api/hazard-areas?bbox=both" => client.GetAsync($"/api/hazard-areas?bbox={AccessWorld.BothAreasBbox}", Ct),
            "GET /api/hazard-areas/{khm}" => client.GetAsync(areas, Ct),
            "GET /api/hazard-areas/{khm}?asAt=2030-01-01" => client.GetAsync($"{areas}?asAt=2030-01-01", Ct),
            "GET /api/hazard-areas/{khm}/history" => client.GetAsync($"{areas}/history", Ct),
            "GET /api/hazard-areas/{khm}/traverse" => client.GetAsync($"{areas}/traverse", Ct),
            "POST /api/hazard-areas (KHM, CMAC)" => AccessWorld.CreateKhmAsync(client),
            "PUT /api/hazard-areas/{khm}" => world.ReviseKhmAsync(client),
            "GET /api/hazard-areas/{khm}/activities" => client.GetAsync($"{areas}/activities", Ct),
            "POST /api/hazard-areas/{khm}/activities (CMAC)" => world.CreateKhmActivityAsync(client),
            "GET /api/activities/{khm}" => client.GetAsync($"/api/activities/{world.KhmActivity}", Ct),
            "GET /api/activities/{khm}/history" => client.GetAsync($"/api/activities/{world.KhmActivity}/history", Ct),
            "PUT /api/activities/{khm}" => world.ReviseKhmActivityAsync(client),
            "POST /api/activities/{khm}/decisions" => client.PostAsync($"/api/activities/{world.KhmActivity}/decisions", null, Ct),
            _ when route.StartsWith("GET ", StringComparison.Ordinal) => client.GetAsync(route[4..], Ct),
            _ => throw new ArgumentException($"No request is defined for {route}.", nameof(route)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachIdentityGetsTheStatusTheTableGivesItForEachRoute(string identity, string route, int expected)
    {
        using var response = await SendAsync(identity, route);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected,
            $"{identity} {route}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected == 401)
        {
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }

        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(expected, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(ListCases))]
    public async Task AListHoldsOnlyTheCountriesOfTheToken(string identity, string url)
    {
        var countries = AccessWorld.Identities[identity].Countries;
        var page = await world.Client(identity).GetJsonAsync(url);

        var features = page.GetProperty("features").EnumerateArray().ToList();
        var ids = features.Select(f => Guid.Parse(f.GetProperty("id").GetString()!)).ToList();
        var seen = features.Select(f => f.GetProperty("properties").GetProperty("countryCode").GetString()!).Distinct().ToList();
        Assert.All(seen, country => Assert.Contains(country, countries));
        var (own, other) = countries.Contains("KHM") ? (world.KhmArea, world.LaoArea) : (world.LaoArea, world.KhmArea);
        Assert.Contains(own, ids);
        Assert.DoesNotContain(other, ids);
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task ARegionalViewerNeverReceivesTheCoordinatesOfAHazardousArea(string route)
    {
        using var response = await SendAsync("regional-viewer", route);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(world.KhmArea.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.LaoArea.ToString(), body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(world.KhmActivity.ToString(), body, StringComparison.OrdinalIgnoreCase);
        // A country's boundary is public reference data, not the geometry of a hazardous area.
        if (route is not "GET /api/countries/KHM" and not "GET /api/countries/outlines")
        {
            Assert.DoesNotContain("coordinates", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnOutOfScopeAreaIsAnsweredAsAMissingOneIs()
    {
        var missing = Guid.NewGuid();
        using var response = await world.Client("fo-lao").GetAsync($"/api/hazard-areas/{world.KhmArea}", Ct);
        using var none = await world.Client("fo-lao").GetAsync($"/api/hazard-areas/{missing}", Ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        var absent = await none.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(absent.GetProperty("detail").GetString()!.Replace(missing.ToString(), "ID", StringComparison.Ordinal),
            problem.GetProperty("detail").GetString()!.Replace(world.KhmArea.ToString(), "ID", StringComparison.Ordinal));
        Assert.DoesNotContain("KHM", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
