using System.Security.Claims;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using LandRelease.Web.Review;

namespace LandRelease.Api.Releases;

/// <summary>The review page's moves through <see cref="ReleaseDecisionService"/>, its refusals worded as the API's ProblemDetails are.</summary>
internal sealed class PageDecisionMoves(ReleaseDecisionService decisions) : IDecisionMoves
{
    public async Task<MoveOutcome> MoveAsync(Guid id, string action, string? reason, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!WireName<WorkflowAction>.TryParse(action.Replace('-', '_').ToUpperInvariant(), out var move) || move == WorkflowAction.Submit)
        {
            return new MoveOutcome(false, StatusCodes.Status400BadRequest, $"'{action}' is not a move the review page makes.");
        }

        var outcome = await decisions.MoveAsync(id, move, new WorkflowRequest { Reason = reason }, UserScope.From(user), ct);
        return outcome switch
        {
            DecisionOutcome.Done => new MoveOutcome(true, StatusCodes.Status200OK, "Done."),
            DecisionOutcome.AlreadyReleased a => new MoveOutcome(false, StatusCodes.Status422UnprocessableEntity, a.Message),
            DecisionOutcome.Rejected r => new MoveOutcome(false, StatusCodes.Status422UnprocessableEntity,
                string.Join(" ", r.Violations.Select(v => v.Message).Concat(r.GeometryErrors.Select(g => g.Message)))),
            DecisionOutcome.Malformed m => new MoveOutcome(false, StatusCodes.Status400BadRequest, string.Join(" ", m.Errors.SelectMany(e => e.Value))),
            DecisionOutcome.IllegalMove i => new MoveOutcome(false, StatusCodes.Status409Conflict,
                $"{i.Message} Allowed from {WireName<DecisionState>.Of(i.State)}: {(i.Allowed.Count == 0 ? "none" : string.Join(", ", i.Allowed))}."),
            DecisionOutcome.Forbidden f => new MoveOutcome(false, StatusCodes.Status403Forbidden, f.Reason),
            DecisionOutcome.Missing m => new MoveOutcome(false, StatusCodes.Status404NotFound, m.What),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
    }
}
