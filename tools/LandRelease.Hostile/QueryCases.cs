namespace LandRelease.Hostile;

/// <summary>Odd URLs and headers: unknown or repeated parameters, long query strings, odd path segments, NUL escapes, huge headers.</summary>
public static class QueryCases
{
    private static readonly Func<HostileTargets, string>[] Reads =
    [
        _ => "/api/hazard-areas",
        t => $"/api/hazard-areas/{t.AreaId}",
        t => $"/api/hazard-areas/{t.AreaId}/history",
        t => $"/api/hazard-areas/{t.AreaId}/activities",
        t => $"/api/hazard-areas/{t.AreaId}/traverse",
        t => $"/api/activities/{t.ActivityId}",
        _ => "/api/release-decisions",
        t => $"/api/release-decisions/{t.DecisionId}/events",
        t => $"/api/release-decisions/{t.DecisionId}/certificate",
        _ => "/api/quality-incidents",
        _ => "/api/audit",
        _ => "/api/organisations",
        t => $"/api/reports/countries/{t.Country}",
        _ => "/api/reports/status",
    ];

    private static readonly (string Query, string What)[] Queries =
    [
        ("unknownParameter=1", "an unknown parameter"),
        ("country=KHM&country=LAO", "a repeated parameter"),
        ("country=KH%00M&state=%00&entityType=%00&cursor=%00", "NUL escapes"),
        ("country=%ED%A0%80&cursor=%FF%FE", "invalid UTF-8"),
        ("hazardAreaId=not-a-guid&entityId=not-a-guid&limit=x", "unreadable values"),
        ("cursor=" + new string('z', 6000), "a 6 000 character value"),
        ("format=%3Cscript%3E&status=%27%20OR%201%3D1--", "markup and SQL"),
    ];

    private static readonly string[] Paths =
    [
        "/api/hazard-areas/not-a-guid",
        "/api/hazard-areas/00000000-0000-0000-0000-000000000000",
        "/api/countries/%00",
        "/api/countries/" + new string('K', 2000),
        "/api/organisations/%ED%A0%80",
        "/api/reports/countries/..%2F..%2Fetc",
        "/api/release-decisions/%2e%2e/status",
        "/api//hazard-areas",
        "/api/uploads/" + Guid.Empty,
    ];

    public static IEnumerable<HostileCase> Cases()
    {
        for (var i = 0; i < Reads.Length; i++)
        {
            var read = Reads[i];
            foreach (var (query, what) in Queries)
            {
                yield return new HostileCase($"GET {Reads[i](HostileTargets.Unseeded()).Split('/')[2]} #{i} with {what}", t => Bodies.Get($"{read(t)}?{query}"));
            }
        }

        foreach (var path in Paths)
        {
            yield return new HostileCase($"GET {(path.Length > 60 ? path[..60] + "..." : path)}", _ => Bodies.Get(path));
        }

        yield return new HostileCase("GET areas with a 6 000 character header", _ =>
        {
            var request = Bodies.Get("/api/hazard-areas");
            request.Headers.TryAddWithoutValidation("X-Hostile", new string('h', 6000));
            return request;
        });
        yield return new HostileCase("GET area with a garbage If-None-Match", t =>
        {
            var request = Bodies.Get($"/api/hazard-areas/{t.AreaId}");
            request.Headers.TryAddWithoutValidation("If-None-Match", "\"" + new string('9', 400) + "\", W/\"-1\", *");
            return request;
        });
        yield return new HostileCase("PUT area with a huge If-Match version", t =>
            Bodies.Json(HttpMethod.Put, $"/api/hazard-areas/{t.AreaId}", Bodies.HazardArea(t).ToJsonString(), "\"99999999999999999999\""));
        yield return new HostileCase("PUT area with a negative If-Match version", t =>
            Bodies.Json(HttpMethod.Put, $"/api/hazard-areas/{t.AreaId}", Bodies.HazardArea(t).ToJsonString(), "\"-1\""));
        yield return new HostileCase("GET country report accepting nothing offered", t =>
        {
            var request = Bodies.Get($"/api/reports/countries/{t.Country}");
            request.Headers.TryAddWithoutValidation("Accept", "image/png;q=1, */*;q=0");
            return request;
        });
    }
}
