using LandRelease.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Activities;

/// <summary>Every way an activity write can fail, as ProblemDetails.</summary>
internal static class ActivityResults
{
    public static Results<TOk, ValidationProblem, ProblemHttpResult> Failure<TOk>(ActivityOutcome outcome) where TOk : IResult =>
        outcome switch
        {
            ActivityOutcome.Malformed m => TypedResults.ValidationProblem(m.Errors),
            ActivityOutcome.Rejected r => Problems.Unprocessable(r.Violations, r.GeometryErrors.Select(e => (e.Field, e.Issue))),
            ActivityOutcome.Missing m => Problems.NotFound(m.What),
            ActivityOutcome.Forbidden f => Problems.Forbidden(f.Reason),
            ActivityOutcome.Duplicate d => Problems.Conflict(
                $"{d.CountryCode} already has an activity with local id '{d.LocalId}'" +
                (d.ExistingId == Guid.Empty ? "." : $" (/api/activities/{d.ExistingId}); revise it with PUT.")),
            ActivityOutcome.Stale s => Problems.PreconditionFailed(
                $"The activity has changed since you read it (now version {s.CurrentVersion}); fetch it again and reapply your change."),
            ActivityOutcome.NotCompleted n => Problems.Conflict(
                $"The activity is {n.Status}; release decisions are drafted from a COMPLETED activity's proposed outcomes."),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
}
