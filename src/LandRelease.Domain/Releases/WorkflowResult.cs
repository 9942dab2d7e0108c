using LandRelease.Domain.Common;

namespace LandRelease.Domain.Releases;

/// <summary>The outcome of asking a decision to move: the recorded event, or why it cannot move.</summary>
public sealed record WorkflowResult(bool Succeeded, DecisionEvent? Event, string? Error, IReadOnlyList<string> AllowedMoves,
    bool ReasonMissing = false)
{
    internal static WorkflowResult Moved(DecisionEvent? evt) => new(true, evt, null, []);

    internal static WorkflowResult Illegal(DecisionState state, string attempted)
    {
        var allowed = ReleaseWorkflow.AllowedFrom(state).Select(WireName<WorkflowAction>.Of).ToList();
        if (state == DecisionState.Draft)
        {
            allowed.Insert(0, "EDIT");
        }

        var moves = allowed.Count == 0 ? "none: it is final" : string.Join(", ", allowed);
        return new(false, null,
            $"A decision in state {WireName<DecisionState>.Of(state)} cannot {attempted.ToLowerInvariant().Replace('_', '-')}; allowed moves: {moves}.",
            allowed);
    }

    internal static WorkflowResult NoReason(WorkflowAction action) =>
        new(false, null, $"{WireName<WorkflowAction>.Of(action)} needs a reason.", [], ReasonMissing: true);
}
