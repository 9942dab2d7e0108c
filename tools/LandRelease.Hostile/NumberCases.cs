namespace LandRelease.Hostile;

/// <summary>Numbers past any plausible range: 1e308 km² overflowed to infinity when the response was written.</summary>
public static class NumberCases
{
    private static readonly string[] Huge = ["1e308", "-1e308", "1e309", "-1e400", "1e-400", "-0.0", "\"1e308\"", "\"NaN\"", "\"Infinity\"", "null"];

    private static readonly (BodyRoute Route, string Path)[] Fields =
    [
        (BodyRoute.DraftDecision, "enteredArea.value"),
        (BodyRoute.CreateArea, "geometry.coordinates[0][0][0]"),
        (BodyRoute.CreateActivity, "properties.referencePoint.coordinates[0]"),
        (BodyRoute.CreateActivity, "properties.devices[0].found"),
        (BodyRoute.PreviewTraverse, "referencePoint.x"),
        (BodyRoute.PreviewTraverse, "legs[1].bearing"),
        (BodyRoute.PreviewTraverse, "legs[1].distance"),
    ];

    private static readonly string[] Counts = ["2147483647", "2147483648", "-1", "1.5", "1e10"];

    private static readonly string[] Limits = ["0", "-1", "1001", "99999999999", "1e3", "abc"];

    public static IEnumerable<HostileCase> Cases()
    {
        foreach (var (route, path) in Fields)
        {
            foreach (var value in Huge)
            {
                yield return route.Spoiled(path, value, value);
            }
        }

        foreach (var count in Counts)
        {
            yield return BodyRoute.CreateActivity.Spoiled("properties.devices[0].destroyed", count, count);
        }

        foreach (var limit in Limits)
        {
            yield return new HostileCase($"GET areas limit={limit}", t => Bodies.Get($"/api/hazard-areas?country={t.Country}&limit={limit}"));
            yield return new HostileCase($"GET upload report limit={limit}", _ => Bodies.Get($"/api/uploads/{Guid.NewGuid()}?limit={limit}&after={limit}"));
        }

        foreach (var bbox in new[] { "1e308,1e308,-1e308,-1e308", "-180,-90,180,90", "1,2,3", "NaN,0,1,1", "103,13,102,12", "1e400,0,1,1" })
        {
            yield return new HostileCase($"GET areas bbox={bbox}", _ => Bodies.Get($"/api/hazard-areas?bbox={bbox}"));
        }
    }
}
