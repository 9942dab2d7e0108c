using LandRelease.Api.Access;
using LandRelease.Api.Audit;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Audit;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LandRelease.Api.Activities;

/// <summary>Whether a write whose local id already exists in the country updates that activity (uploads) or is refused (POST).</summary>
public enum ActivityWriteMode
{
    CreateOnly,
    UpsertByLocalId,
}

/// <summary>
/// The write side of activities, one Feature at a time: reads it, applies the rules and geometry checks, and
/// stores the activity, its version row and its audit row together. The API and batch uploads both call it.
/// </summary>
internal sealed class ActivityRegister(LandReleaseDbContext db, ActivityValidation validation, TimeProvider clock,
    IReportTrigger reports)
{
    public const string InitialReason = "Recorded";
    public const string ResubmittedReason = "Resubmitted with the same local id";
    private const string LocalIdIndex = "ix_activities_country_code_local_id";

    /// <summary>
    /// Records an activity on <paramref name="area"/>. With <see cref="ActivityWriteMode.UpsertByLocalId"/>, a local id
    /// already used in the country revises that activity (a new version; none when nothing changed) instead of
    /// being refused as a duplicate. A failed write leaves the context's change tracker empty.
    /// </summary>
    public async Task<ActivityOutcome> RecordAsync(ActivityFeatureRequest? request, AreaReference? area, UserScope user,
        ActivityWriteMode mode, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var read = ActivityRequestReader.Read(request, errors);
        if (read is null)
        {
            return new ActivityOutcome.Malformed(errors);
        }

        if (area is null)
        {
            return new ActivityOutcome.Malformed(new()
            {
                ["properties.hazardAreaId"] = ["Name the hazardous area worked: properties.hazardAreaId or properties.hazardAreaLocalId."],
            });
        }

        var (hazardArea, failure) = await validation.ResolveAreaAsync(area, read, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (!user.CanRead(hazardArea!.CountryCode))
        {
            return new ActivityOutcome.Missing($"No hazardous area has {area}.");
        }

        var existing = read.Details.LocalId is { } localId
            ? await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.CountryCode == hazardArea!.CountryCode && a.LocalId == localId, ct)
            : null;
        if (existing is not null)
        {
            return mode == ActivityWriteMode.CreateOnly
                ? new ActivityOutcome.Duplicate(existing.CountryCode, existing.LocalId!, existing.Id)
                : await ResubmitAsync(existing, read, hazardArea!, user, ct);
        }

        if (!user.CanWrite(hazardArea!.CountryCode, read.Details.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"Your token does not allow recording {hazardArea.CountryCode} activities in the name of {read.Details.OrganisationCode}.");
        }

        var (shapes, warnings, rejected) = await validation.ValidateAsync(read, hazardArea, null, ct);
        if (rejected is not null)
        {
            return rejected;
        }

        var activity = Activity.Record(Guid.CreateVersion7(), hazardArea.Id, hazardArea.CountryCode, read.Details, shapes!,
            user.Actor, clock.GetUtcNow(), read.ChangeReason ?? InitialReason);
        db.Activities.Add(activity);
        db.AuditLog.Add(AuditEntry.Record(user.Actor, activity.RecordedAt, activity.CountryCode, AuditEntityTypes.Activity,
            activity.Id, "CREATE", null, AuditSnapshots.Of(activity), activity.ChangeReason));
        MarkReports(activity, activity.StartDate);
        try
        {
            var feature = await ActivityStore.SaveAsync(db, activity, ct);
            Committed(activity);
            return new ActivityOutcome.Stored(activity.Id, activity.Version, ActivityWrite.Created, feature, warnings);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request recorded the same local id between our look-up and our insert.
            db.ChangeTracker.Clear();
            return new ActivityOutcome.Duplicate(activity.CountryCode, activity.LocalId!, Guid.Empty);
        }
    }

    /// <summary>Records a new version of activity <paramref name="id"/>, if <paramref name="expectedVersion"/> is still the current one.</summary>
    public async Task<ActivityOutcome> ReviseAsync(Guid id, int expectedVersion, ActivityFeatureRequest? request, UserScope user,
        CancellationToken ct)
    {
        var activity = await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !user.CanRead(activity.CountryCode))
        {
            return new ActivityOutcome.Missing($"No activity has id {id}.");
        }

        if (!user.CanWrite(activity.CountryCode, activity.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"Your token does not allow changing {activity.CountryCode} activities of {activity.OrganisationCode}.");
        }

        if (activity.Version != expectedVersion)
        {
            return new ActivityOutcome.Stale(activity.Version);
        }

        var errors = new Dictionary<string, string[]>();
        var read = ActivityRequestReader.Read(request, errors);
        if (read?.ChangeReason is null)
        {
            errors.TryAdd("properties.changeReason", ["Say why the activity is revised (changeReason)."]);
            return new ActivityOutcome.Malformed(errors);
        }

        var hazardArea = await db.HazardAreas.AsNoTracking().SingleAsync(a => a.Id == activity.HazardAreaId, ct);
        if (ActivityValidation.Mismatch(hazardArea, read) is { } mismatch)
        {
            return mismatch;
        }

        return await ReviseAsync(activity, read, hazardArea, user, read.ChangeReason, ct);
    }

    private async Task<ActivityOutcome> ResubmitAsync(Activity existing, ReadActivity read, HazardArea hazardArea, UserScope user,
        CancellationToken ct)
    {
        if (!user.CanWrite(existing.CountryCode, existing.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"{existing.CountryCode} activity '{existing.LocalId}' belongs to {existing.OrganisationCode}; your token does not allow changing it.");
        }

        if (existing.HazardAreaId != hazardArea.Id)
        {
            return new ActivityOutcome.Rejected([new(ActivityRules.IdentityIsFixed, "properties.hazardAreaId",
                $"Activity '{existing.LocalId}' belongs to hazardous area {existing.HazardAreaId}; an activity cannot move to another area.")], []);
        }

        return await ReviseAsync(existing, read, hazardArea, user, read.ChangeReason ?? ResubmittedReason, ct);
    }

    private async Task<ActivityOutcome> ReviseAsync(Activity activity, ReadActivity read, HazardArea hazardArea, UserScope user,
        string reason, CancellationToken ct)
    {
        if (!user.CanWrite(activity.CountryCode, read.Details.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"Your token does not allow recording {activity.CountryCode} activities in the name of {read.Details.OrganisationCode}.");
        }

        var (shapes, warnings, rejected) = await validation.ValidateAsync(read, hazardArea, activity, ct);
        if (rejected is not null)
        {
            return rejected;
        }

        // An upload sent again states nothing new: no version, no audit row.
        if (activity.States(read.Details, shapes!))
        {
            return new ActivityOutcome.Stored(activity.Id, activity.Version, ActivityWrite.Unchanged, ActivityJson.Write(activity), warnings);
        }

        if (await DecisionsLeftStandingAsync(activity, shapes!, ct) is { Count: > 0 } standing)
        {
            return new ActivityOutcome.Rejected(standing, []);
        }

        var before = AuditSnapshots.Of(activity);
        var expected = activity.Version;
        var previousStart = activity.StartDate;
        activity.Revise(read.Details, shapes!, user.Actor, clock.GetUtcNow(), reason);
        db.AuditLog.Add(AuditEntry.Record(user.Actor, activity.RecordedAt, activity.CountryCode, AuditEntityTypes.Activity,
            activity.Id, "REVISE", before, AuditSnapshots.Of(activity), reason));
        MarkReports(activity, previousStart < activity.StartDate ? previousStart : activity.StartDate);
        try
        {
            var feature = await ActivityStore.SaveAsync(db, activity, ct);
            Committed(activity);
            return new ActivityOutcome.Stored(activity.Id, activity.Version, ActivityWrite.Revised, feature, warnings);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { ConstraintName: LocalIdIndex })
        {
            // A local id given to an activity that had none is already another activity's.
            db.ChangeTracker.Clear();
            return new ActivityOutcome.Duplicate(activity.CountryCode, read.Details.LocalId!, Guid.Empty);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException
                                           || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone else wrote this version first; our transaction rolled back whole.
            db.ChangeTracker.Clear();
            return new ActivityOutcome.Stale(expected + 1);
        }
    }

    /// <summary>
    /// A decision drafted from an outcome that the revision changes or drops would go on standing for land the
    /// activity no longer proposes; until it is rejected or revoked, that outcome must be stated as it was.
    /// (Rejected and revoked are final states, so a decision found in one cannot come back while this runs.)
    /// </summary>
    private async Task<List<RuleViolation>> DecisionsLeftStandingAsync(Activity activity, ActivityShapes shapes, CancellationToken ct)
    {
        var left = activity.DecidedOutcomesNotRestated(shapes.Outcomes);
        if (left.Count == 0)
        {
            return [];
        }

        var ids = left.Select(o => o.ReleaseDecisionId!.Value).ToList();
        var states = await db.ReleaseDecisions.Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.State })
            .ToDictionaryAsync(d => d.Id, d => d.State, ct);
        return [.. left
            .Where(o => states[o.ReleaseDecisionId!.Value] is not (DecisionState.Rejected or DecisionState.Revoked))
            .Select(o => StandingDecision(o, states[o.ReleaseDecisionId!.Value]))];
    }

    private static RuleViolation StandingDecision(ProposedOutcome outcome, DecisionState state) => new("outcome-decided",
        $"properties.proposedOutcomes[{outcome.Ordinal}]",
        $"Proposed outcome {outcome.Ordinal} ({WireName<ReleaseKind>.Of(outcome.Kind)}) became release decision " +
        $"{outcome.ReleaseDecisionId}, now {WireName<DecisionState>.Of(state)}; state that outcome unchanged, or first have the decision " +
        (state switch
        {
            DecisionState.Draft => "submitted and rejected",
            DecisionState.Submitted => "rejected by the national authority",
            _ => "revoked by the national authority",
        }) + ".");

    /// <summary>
    /// The reports' outbox row, saved with the activity: its devices count in the period of its end date, which lies on
    /// or after its start (before the revision too), so the figures may change from the earlier start on.
    /// </summary>
    private void MarkReports(Activity activity, DateOnly since) =>
        db.ReportDirty.Add(ReportDirty.Mark(activity.CountryCode, since, null, "ACTIVITY", activity.RecordedAt));

    /// <summary>After a save in its own transaction; inside an atomic upload's transaction the sweep enqueues it.</summary>
    private void Committed(Activity activity)
    {
        if (db.Database.CurrentTransaction is null)
        {
            reports.CountryChanged(activity.CountryCode);
        }
    }
}
