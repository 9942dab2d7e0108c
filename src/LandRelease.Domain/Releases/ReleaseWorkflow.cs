namespace LandRelease.Domain.Releases;

/// <summary>
/// The life of a release decision: draft -> submitted -> approved | rejected -> certified -> handed over,
/// and revoked from approved or later. An approved decision is never edited: it is revoked by a recorded act.
/// </summary>
public static class ReleaseWorkflow
{
    private static readonly Dictionary<(DecisionState, WorkflowAction), DecisionState> Moves = new()
    {
        [(DecisionState.Draft, WorkflowAction.Submit)] = DecisionState.Submitted,
        [(DecisionState.Submitted, WorkflowAction.Approve)] = DecisionState.Approved,
        [(DecisionState.Submitted, WorkflowAction.Reject)] = DecisionState.Rejected,
        [(DecisionState.Approved, WorkflowAction.Certify)] = DecisionState.Certified,
        [(DecisionState.Certified, WorkflowAction.HandOver)] = DecisionState.HandedOver,
        [(DecisionState.Approved, WorkflowAction.Revoke)] = DecisionState.Revoked,
        [(DecisionState.Certified, WorkflowAction.Revoke)] = DecisionState.Revoked,
        [(DecisionState.HandedOver, WorkflowAction.Revoke)] = DecisionState.Revoked,
    };

    /// <summary>States whose land counts as released: approved and every later state but revoked.</summary>
    public static IReadOnlyList<DecisionState> Counted { get; } =
        [DecisionState.Approved, DecisionState.Certified, DecisionState.HandedOver];

    public static bool RequiresReason(WorkflowAction action) => action is WorkflowAction.Reject or WorkflowAction.Revoke;

    /// <summary>Moves that only a national authority may make; an operator drafts and submits.</summary>
    public static bool IsAuthorityAct(WorkflowAction action) => action != WorkflowAction.Submit;

    public static DecisionState? Target(DecisionState from, WorkflowAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static IReadOnlyList<WorkflowAction> AllowedFrom(DecisionState from) =>
        [.. Moves.Keys.Where(k => k.Item1 == from).Select(k => k.Item2)];
}
