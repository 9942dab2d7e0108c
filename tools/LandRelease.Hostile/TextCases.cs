namespace LandRelease.Hostile;

/// <summary>Text PostgreSQL cannot store (NUL, lone surrogates), characters it can but that are odd, and text far too long.</summary>
public static class TextCases
{
    /// <summary>Raw JSON string tokens: escapes as a client would send them.</summary>
    private static readonly (string Token, string What)[] Values =
    [
        ("\"a\\u0000b\"", "NUL"),
        ("\"\\ud800\"", "lone high surrogate"),
        ("\"x\\udc00\"", "lone low surrogate"),
        ("\"\\u0001\\u001f\\u007f\"", "control characters"),
        ("\"\\u202e\\u200b\\ufeff\"", "bidi override and zero-width"),
        ($"\"{new string('x', 100_000)}\"", "100 000 characters"),
    ];

    private static readonly (BodyRoute Route, string Path)[] Fields =
    [
        (BodyRoute.CreateArea, "properties.name"),
        (BodyRoute.CreateArea, "properties.localId"),
        (BodyRoute.CreateArea, "properties.countryCode"),
        (BodyRoute.CreateArea, "properties.organisation"),
        (BodyRoute.CreateArea, "properties.evidence[0].description"),
        (BodyRoute.CreateArea, "properties.contamination[0]"),
        (BodyRoute.ReviseArea, "properties.changeReason"),
        (BodyRoute.CreateActivity, "properties.localId"),
        (BodyRoute.CreateActivity, "properties.method"),
        (BodyRoute.CreateActivity, "properties.notes"),
        (BodyRoute.DraftDecision, "notes"),
        (BodyRoute.DraftDecision, "attachments[0].fileName"),
        (BodyRoute.DraftDecision, "attachments[0].signedBy"),
        (BodyRoute.Reject, "reason"),
        (BodyRoute.CreateOrganisation, "name"),
        (BodyRoute.CreateOrganisation, "code"),
        (BodyRoute.PreviewTraverse, "referencePoint.crs"),
    ];

    public static IEnumerable<HostileCase> Cases()
    {
        foreach (var (route, path) in Fields)
        {
            foreach (var (token, what) in Values)
            {
                yield return route.Spoiled(path, token, what);
            }
        }
    }
}
