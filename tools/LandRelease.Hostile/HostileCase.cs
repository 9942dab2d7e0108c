namespace LandRelease.Hostile;

/// <summary>Real records for the routes that take an id, so a case reaches past the lookup; random ids when seeding failed.</summary>
public sealed record HostileTargets(Guid AreaId, Guid ActivityId, Guid DecisionId, string Country, string Organisation)
{
    public static HostileTargets Unseeded() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "KHM", "HOSTILE");
}

/// <summary>
/// One hostile request, named after what it tries. A request message is sent once, so each case builds a new one;
/// the server must answer it with a 4xx (or a 2xx where the input turns out acceptable), never a 5xx, and quickly.
/// </summary>
public sealed record HostileCase(string Name, Func<HostileTargets, HttpRequestMessage> Request);
