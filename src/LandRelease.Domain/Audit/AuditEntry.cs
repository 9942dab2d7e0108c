using LandRelease.Domain.Common;

namespace LandRelease.Domain.Audit;

/// <summary>
/// One change, kept for ever: who (user and organisation), when, what (before and after, as JSON) and why.
/// The database refuses to update or delete these rows.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string? ActorOrganisation { get; private set; }
    public string? CountryCode { get; private set; }
    public string EntityType { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public string Action { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }

    public static AuditEntry Record(Actor actor, DateTimeOffset at, string? countryCode, string entityType, Guid entityId,
        string action, string? before, string? after, string? reason) => new()
        {
            At = at, Actor = actor.Name, ActorOrganisation = actor.Organisation, CountryCode = countryCode,
            EntityType = entityType, EntityId = entityId, Action = action, Before = before, After = after, Reason = reason,
        };
}
