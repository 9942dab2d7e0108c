using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Releases;
using LandRelease.Data;
using LandRelease.Data.Activities;
using LandRelease.Data.Releases;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.IO.Converters;

namespace LandRelease.Api.Activities;

/// <summary>
/// Turns a completed activity's proposed outcomes into draft release decisions, through the release-decision
/// service so every rule of a decision applies. Each outcome is drafted once: the activity row is locked while
/// this runs and each outcome keeps the id of its decision, so calling again (or twice at once) drafts nothing new.
/// </summary>
internal sealed class ActivityDecisions(LandReleaseDbContext db, ReleaseDecisionService decisions, TimeProvider clock)
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<ActivityOutcome> DraftAsync(Guid activityId, UserScope user, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The area before the activity, as every activity write takes them, so two writers never wait on each other.
        if (await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => (Guid?)a.HazardAreaId).FirstOrDefaultAsync(ct)
            is { } areaId)
        {
            await ReleaseCounting.LockAreaAsync(db, areaId, ct);
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM activities WHERE id = {activityId} FOR UPDATE", ct);
        var activity = await db.Activities.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null || !user.CanRead(activity.CountryCode))
        {
            return new ActivityOutcome.Missing($"No activity has id {activityId}.");
        }

        if (!user.CanWrite(activity.CountryCode, activity.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"Your token does not allow drafting release decisions for {activity.CountryCode} activities of {activity.OrganisationCode}.");
        }

        if (activity.Status != ActivityStatus.Completed)
        {
            return new ActivityOutcome.NotCompleted(WireName<ActivityStatus>.Of(activity.Status));
        }

        var drafted = new Dictionary<int, Guid>();
        foreach (var outcome in activity.ProposedOutcomes.Where(o => o.ReleaseDecisionId is null).OrderBy(o => o.Ordinal).ToList())
        {
            var result = await decisions.DraftAsync(Request(activity, outcome), user, ct);
            if (result is not DecisionOutcome.Done done)
            {
                // Disposing the transaction undoes the decisions already drafted in this call: all or none.
                return Failure(result, outcome.Ordinal);
            }

            drafted[outcome.Ordinal] = done.Decision.Id;
        }

        if (drafted.Count > 0)
        {
            var before = ActivitySnapshot.Of(activity);
            activity.LinkDecisions(drafted, user.Actor, clock.GetUtcNow());
            await ActivityWriter.WriteAsync(db, [new ActivityChange(activity, ActivityChange.DraftDecisions, before, activity.StartDate)],
                ActivityJson.Write, ct);
        }

        await transaction.CommitAsync(ct);
        return new ActivityOutcome.Drafted(activity.Id, [.. activity.ProposedOutcomes.OrderBy(o => o.Ordinal).Select(o =>
            new OutcomeDecision(o.Ordinal, WireName<ReleaseKind>.Of(o.Kind), o.ReleaseDecisionId!.Value, drafted.ContainsKey(o.Ordinal)))]);
    }

    /// <summary>The decision states the outcome as the activity's organisation, dated when the work ended.</summary>
    private static ReleaseDecisionRequest Request(Activity activity, ProposedOutcome outcome) => new()
    {
        HazardAreaId = activity.HazardAreaId,
        Kind = WireName<ReleaseKind>.Of(outcome.Kind),
        Geometry = JsonSerializer.SerializeToElement(outcome.Geometry, GeoJson),
        ActivityId = activity.Id,
        Organisation = activity.OrganisationCode,
        DateOfInformation = activity.EndDate!.Value.ToString("yyyy-MM-dd"),
        Notes = $"Drafted from proposed outcome {outcome.Ordinal} of {WireName<ActivityType>.Of(activity.Type)} activity " +
                $"{activity.LocalId ?? activity.Id.ToString()}.",
    };

    /// <summary>A decision refused for an outcome, told in the activity's own fields.</summary>
    private static ActivityOutcome Failure(DecisionOutcome result, int ordinal) => result switch
    {
        DecisionOutcome.Rejected r => new ActivityOutcome.Rejected(
            [.. r.Violations.Select(v => v with { Field = FieldOf(v.Field, ordinal) })],
            [.. r.GeometryErrors.Select(e => new FieldIssue(ActivityShapeChecks.OutcomeField(ordinal), e))]),
        DecisionOutcome.Malformed m => new ActivityOutcome.Malformed(m.Errors.ToDictionary(e => FieldOf(e.Key, ordinal), e => e.Value)),
        DecisionOutcome.Forbidden f => new ActivityOutcome.Forbidden(f.Reason),
        DecisionOutcome.Missing m => new ActivityOutcome.Missing(m.What),
        _ => throw new InvalidOperationException($"Unexpected outcome {result} drafting a decision."),
    };

    private static string FieldOf(string decisionField, int ordinal) => decisionField switch
    {
        "geometry" => ActivityShapeChecks.OutcomeField(ordinal),
        "dateOfInformation" => "properties.endDate",
        "organisation" => "properties.organisation",
        _ => $"properties.proposedOutcomes[{ordinal}].{decisionField}",
    };
}
