using System.Security.Claims;

namespace LandRelease.Web.Review;

/// <summary>What a workflow move from a page came to: done, or refused with the API's status, title and reason.</summary>
public sealed record MoveOutcome(bool Done, int Status, string Message);

/// <summary>
/// The workflow moves a page may make (approve, reject, certify, hand-over, revoke), made by the very service the API's
/// routes call, so a page and the API keep one set of rules and refusals. Implemented by the host.
/// </summary>
public interface IDecisionMoves
{
    Task<MoveOutcome> MoveAsync(Guid id, string action, string? reason, ClaimsPrincipal user, CancellationToken ct);
}
