using LandRelease.Data;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

/// <summary>
/// A decision drafted from an outcome that a revision changes or drops would go on standing for land the activity no
/// longer proposes; until it is rejected or revoked, that outcome must be stated as it was. (Rejected and revoked are
/// final states, so a decision found in one cannot come back while this runs.)
/// </summary>
internal static class StandingDecisions
{
    public const string OutcomeDecided = "outcome-decided";

    /// <returns>Per revision (same order), the outcomes it may not change; empty lists for those that may go ahead.</returns>
    public static async Task<List<RuleViolation>[]> FindAsync(LandReleaseDbContext db,
        IReadOnlyList<(Activity Current, ActivityShapes Shapes)> revisions, CancellationToken ct)
    {
        var left = revisions.Select(r => r.Current.DecidedOutcomesNotRestated(r.Shapes.Outcomes)).ToList();
        var ids = left.SelectMany(l => l).Select(o => o.ReleaseDecisionId!.Value).Distinct().ToList();
        var states = ids.Count == 0 ? [] : await db.ReleaseDecisions.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.State })
            .ToDictionaryAsync(d => d.Id, d => d.State, ct);
        return [.. left.Select(outcomes => outcomes
            .Where(o => states[o.ReleaseDecisionId!.Value] is not (DecisionState.Rejected or DecisionState.Revoked))
            .Select(o => Standing(o, states[o.ReleaseDecisionId!.Value])).ToList())];
    }

    private static RuleViolation Standing(ProposedOutcome outcome, DecisionState state) => new(OutcomeDecided,
        $"properties.proposedOutcomes[{outcome.Ordinal}]",
        $"Proposed outcome {outcome.Ordinal} ({WireName<ReleaseKind>.Of(outcome.Kind)}) became release decision " +
        $"{outcome.ReleaseDecisionId}, now {WireName<DecisionState>.Of(state)}; state that outcome unchanged, or first have the decision " +
        (state switch
        {
            DecisionState.Draft => "submitted and rejected",
            DecisionState.Submitted => "rejected by the national authority",
            _ => "revoked by the national authority",
        }) + ".");
}
