using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.Releases;

namespace LandRelease.Api.Releases;

internal abstract record DecisionOutcome
{
    public sealed record Done(ReleaseDecision Decision, IReadOnlyList<GeometryIssue> Warnings) : DecisionOutcome;

    public sealed record Malformed(Dictionary<string, string[]> Errors) : DecisionOutcome;

    public sealed record Rejected(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<GeometryIssue> GeometryErrors) : DecisionOutcome;

    /// <summary>Approval refused: every m² was released before by the named decisions (422, rule already-released).</summary>
    public sealed record AlreadyReleased(string Message, IReadOnlyList<Guid> EarlierDecisionIds) : DecisionOutcome;

    public sealed record Missing(string What) : DecisionOutcome;

    public sealed record Forbidden(string Reason) : DecisionOutcome;

    /// <summary>The move does not exist from the current state (409), naming the state and the moves that do.</summary>
    public sealed record IllegalMove(string Message, DecisionState State, IReadOnlyList<string> Allowed) : DecisionOutcome;
}
