namespace LandRelease.Hostile;

/// <summary>Dates that read as dates but are not plausible (year one became -infinity and halted reports), and near misses.</summary>
public static class DateCases
{
    private static readonly string[] Values =
        ["0001-01-01", "1899-12-31", "9999-12-31", "2200-01-01", "-infinity", "infinity", "2024-02-30", "", "2024-05-01T00:00:00Z", "+02024-05-01"];

    private static readonly (BodyRoute Route, string Path)[] Fields =
    [
        (BodyRoute.CreateArea, "properties.dateOfInformation"),
        (BodyRoute.ReviseArea, "properties.dateOfInformation"),
        (BodyRoute.CreateActivity, "properties.startDate"),
        (BodyRoute.CreateActivity, "properties.endDate"),
        (BodyRoute.DraftDecision, "dateOfInformation"),
        (BodyRoute.EditDecision, "dateOfInformation"),
        (BodyRoute.Revoke, "effectiveDate"),
    ];

    private static readonly (string Name, Func<HostileTargets, string, string> Url)[] Queries =
    [
        ("GET area asAt", (t, v) => $"/api/hazard-areas/{t.AreaId}?asAt={v}"),
        ("GET country report from", (t, v) => $"/api/reports/countries/{t.Country}?from={v}"),
        ("GET country report to", (t, v) => $"/api/reports/countries/{t.Country}?to={v}"),
        ("GET country report asAt", (t, v) => $"/api/reports/countries/{t.Country}?asAt={v}"),
    ];

    private static readonly string[] Years = ["0", "1", "-1", "99999999999", "2024.5", "1e3", "%00"];

    public static IEnumerable<HostileCase> Cases()
    {
        foreach (var (route, path) in Fields)
        {
            foreach (var value in Values)
            {
                yield return route.Spoiled(path, Bodies.JsonString(value), $"\"{value}\"");
            }
        }

        foreach (var (name, url) in Queries)
        {
            foreach (var value in Values)
            {
                yield return new HostileCase($"{name} = \"{value}\"", t => Bodies.Get(url(t, Uri.EscapeDataString(value))));
            }
        }

        foreach (var year in Years)
        {
            yield return new HostileCase($"GET country report year={year}", t => Bodies.Get($"/api/reports/countries/{t.Country}?year={year}"));
            yield return new HostileCase($"GET regional report year={year}", _ => Bodies.Get($"/api/reports/regional?year={year}"));
            yield return new HostileCase($"GET treaty report year={year}", t => Bodies.Get($"/api/reports/countries/{t.Country}/treaty/apmbc?year={year}"));
        }
    }
}
