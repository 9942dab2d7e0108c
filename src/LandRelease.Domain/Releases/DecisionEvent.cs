using LandRelease.Domain.Common;

namespace LandRelease.Domain.Releases;

/// <summary>One workflow move of a decision: who moved it, from which state to which, when and why.</summary>
public sealed class DecisionEvent
{
    private DecisionEvent()
    {
    }

    public long Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public DecisionState FromState { get; private set; }
    public DecisionState ToState { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string? ByOrganisation { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The mover's name and position as their account gave them at the time (null: no account, e.g. a script's token).</summary>
    public string? ByDisplayName { get; private set; }
    public string? ByPosition { get; private set; }

    /// <summary>
    /// Freezes who moved the decision as their account named them then: a certificate shows the approver by these, so a
    /// later edit of the account (a new position, a corrected name) never rewrites a certificate already issued.
    /// </summary>
    public void NameMover(string? displayName, string? position) => (ByDisplayName, ByPosition) = (displayName, position);

    internal static DecisionEvent Of(Guid decisionId, DecisionState from, DecisionState to, Actor actor, DateTimeOffset at,
        string? reason) => new()
        {
            DecisionId = decisionId, FromState = from, ToState = to, At = at, By = actor.Name,
            ByOrganisation = actor.Organisation, Reason = reason,
        };
}
