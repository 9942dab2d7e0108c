using LandRelease.Api.Access;
using LandRelease.Api.Audit;
using LandRelease.Api.Countries;
using LandRelease.Api.Infrastructure;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using LandRelease.Data.Releases;
using LandRelease.Data.Reports;
using LandRelease.Domain.Audit;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Releases;

/// <summary>
/// Drafts, edits and moves release decisions. Every move that changes what counts (approve, revoke, and the
/// hand-over that may complete an area) runs with the hazardous area's row locked, and recounts in SQL in
/// the same transaction as the move, its event and its audit row.
/// </summary>
internal sealed class ReleaseDecisionService(LandReleaseDbContext db, CountryBoundaries boundaries, TimeProvider clock,
    IReportTrigger reports)
{
    public async Task<DecisionOutcome> DraftAsync(ReleaseDecisionRequest? request, UserScope user, CancellationToken ct)
    {
        var (read, failure) = await ValidateAsync(request, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var (details, area, warnings) = read!.Value;
        var decision = ReleaseDecision.Draft(Guid.CreateVersion7(), area.Id, area.CountryCode, details, user.Actor, clock.GetUtcNow());
        db.ReleaseDecisions.Add(decision);
        db.AuditLog.Add(AuditEntry.Record(user.Actor, decision.CreatedAt, area.CountryCode, AuditEntityTypes.ReleaseDecision,
            decision.Id, "CREATE", null, AuditSnapshots.Of(decision), null));
        await db.SaveChangesAsync(ct);
        return new DecisionOutcome.Done(decision, warnings);
    }

    public async Task<DecisionOutcome> EditAsync(Guid id, ReleaseDecisionRequest? request, UserScope user, CancellationToken ct)
    {
        var decision = await db.ReleaseDecisions.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decision is null || !user.CanRead(decision.CountryCode))
        {
            return new DecisionOutcome.Missing($"No release decision has id {id}.");
        }

        if (!user.CanWrite(decision.CountryCode, decision.OrganisationCode))
        {
            return new DecisionOutcome.Forbidden($"Your token does not allow editing this {decision.CountryCode} decision of {decision.OrganisationCode}.");
        }

        var (read, failure) = await ValidateAsync(request, user, ct);
        if (failure is not null)
        {
            return failure;
        }

        var before = AuditSnapshots.Of(decision);
        var (details, area, warnings) = read!.Value;
        if (area.Id != decision.HazardAreaId)
        {
            return new DecisionOutcome.Rejected([new("decision-area-fixed", "hazardAreaId",
                "A decision stays with its hazardous area; draft a new decision for another area.")], []);
        }

        var edited = decision.Edit(details);
        if (!edited.Succeeded)
        {
            return new DecisionOutcome.IllegalMove(edited.Error!, decision.State, edited.AllowedMoves);
        }

        db.AuditLog.Add(AuditEntry.Record(user.Actor, clock.GetUtcNow(), decision.CountryCode, AuditEntityTypes.ReleaseDecision,
            decision.Id, "EDIT", before, AuditSnapshots.Of(decision), null));
        await db.SaveChangesAsync(ct);
        return new DecisionOutcome.Done(decision, warnings);
    }

    public async Task<DecisionOutcome> MoveAsync(Guid id, WorkflowAction action, WorkflowRequest? request, UserScope user,
        CancellationToken ct)
    {
        var target = await db.ReleaseDecisions.Where(d => d.Id == id).Select(d => new { d.HazardAreaId, d.CountryCode }).FirstOrDefaultAsync(ct);
        if (target is null || !user.CanRead(target.CountryCode))
        {
            return new DecisionOutcome.Missing($"No release decision has id {id}.");
        }

        var effective = clock.Today();
        if (request?.EffectiveDate is { } text)
        {
            var errors = new Dictionary<string, string[]>();
            if (HazardAreas.HazardAreaRequestReader.ReadDate(text, "effectiveDate", errors) is not { } date)
            {
                return new DecisionOutcome.Malformed(errors);
            }

            effective = date;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ReleaseCounting.LockAreaAsync(db, target.HazardAreaId, ct);
        var decision = await db.ReleaseDecisions.SingleAsync(d => d.Id == id, ct);
        if (ReleaseRules.RefuseMover(action, decision.CountryCode, decision.OrganisationCode,
                user.Is(Roles.NationalAuthority) && user.Countries.Contains(decision.CountryCode),
                user.CanWrite(decision.CountryCode, decision.OrganisationCode)) is { } forbidden)
        {
            return new DecisionOutcome.Forbidden(forbidden);
        }

        if (action == WorkflowAction.Approve && await InsideViolationAsync(decision.HazardAreaId, decision.Geometry, ct) is { } outside)
        {
            return new DecisionOutcome.Rejected([outside], []);
        }

        if (action == WorkflowAction.Approve && await NothingToCreditAsync(decision, ct) is { } nothingToCredit)
        {
            return nothingToCredit;
        }

        if (action == WorkflowAction.Revoke
            && ReleaseRules.RefuseRevocationDate(effective, decision.DateOfInformation, clock.Today()) is { } badDate)
        {
            return new DecisionOutcome.Malformed(new() { ["effectiveDate"] = [badDate] });
        }

        var before = AuditSnapshots.Of(decision);
        var now = clock.GetUtcNow();
        var moved = decision.Move(action, user.Actor, now, request?.Reason?.Trim(), effective);
        if (!moved.Succeeded)
        {
            return moved.ReasonMissing
                ? new DecisionOutcome.Malformed(new() { ["reason"] = [moved.Error!] })
                : new DecisionOutcome.IllegalMove(moved.Error!, decision.State, moved.AllowedMoves);
        }

        if (action == WorkflowAction.Certify)
        {
            var year = now.UtcDateTime.Year;
            decision.NumberCertificate(CertificateNumbers.Format(decision.CountryCode, year,
                await CertificateSequences.NextAsync(db, decision.CountryCode, year, ct)));
        }

        var mover = await db.Users.AsNoTracking().Where(u => u.UserName == user.Name)
            .Select(u => new { u.DisplayName, u.Position }).FirstOrDefaultAsync(ct);
        moved.Event!.NameMover(mover?.DisplayName, mover?.Position);
        db.DecisionEvents.Add(moved.Event);
        db.AuditLog.Add(AuditEntry.Record(user.Actor, now, decision.CountryCode, AuditEntityTypes.ReleaseDecision, decision.Id,
            WireName<WorkflowAction>.Of(action), before, AuditSnapshots.Of(decision), request?.Reason));
        // Submissions and rejections move no figure (DOMAIN rule 4); every move of an approved decision may.
        var reported = action is WorkflowAction.Approve or WorkflowAction.Certify or WorkflowAction.HandOver or WorkflowAction.Revoke;
        if (reported)
        {
            // The outbox row commits with the move, so the reports learn of it even if the process dies right after.
            db.ReportDirty.Add(ReportDirty.Mark(decision.CountryCode,
                action == WorkflowAction.Revoke ? effective : decision.DateOfInformation, decision.HazardAreaId,
                WireName<WorkflowAction>.Of(action), now));
        }

        await db.SaveChangesAsync(ct);

        if (action is WorkflowAction.Approve or WorkflowAction.Revoke or WorkflowAction.HandOver)
        {
            await ReleaseCounting.RecomputeAsync(db, decision.HazardAreaId, ct);
            if (action == WorkflowAction.Approve)
            {
                await ReleaseCounting.RecordOverlapAsync(db, decision.Id, now, ct);
            }

            var factDate = action switch
            {
                WorkflowAction.Approve => decision.DateOfInformation,
                WorkflowAction.Revoke => effective,
                _ => DateOnly.FromDateTime(now.UtcDateTime),
            };
            await ReflectOnAreaAsync(decision.HazardAreaId, factDate, user.Actor, now, ct);
        }

        await transaction.CommitAsync(ct);
        if (reported)
        {
            reports.CountryChanged(decision.CountryCode);
        }

        await db.Entry(decision).ReloadAsync(ct);
        return new DecisionOutcome.Done(decision, []);
    }

    private async Task ReflectOnAreaAsync(Guid areaId, DateOnly factDate, Actor actor, DateTimeOffset at, CancellationToken ct)
    {
        var area = await db.HazardAreas.SingleAsync(a => a.Id == areaId, ct);
        await db.Entry(area).ReloadAsync(ct);
        var counted = await db.ReleaseDecisions.Where(d => d.HazardAreaId == areaId && ReleaseWorkflow.Counted.Contains(d.State))
            .Select(d => d.State).ToListAsync(ct);
        if (area.ReflectRelease(area.RemainingAreaSqm, counted.Count, counted.All(s => s == DecisionState.HandedOver), factDate, actor, at))
        {
            await HazardAreaWriter.RecordStatusAsync(db, area, ct);
        }
    }

    private async Task<((ReleaseDecisionDetails, HazardArea, IReadOnlyList<GeometryIssue>)?, DecisionOutcome?) > ValidateAsync(
        ReleaseDecisionRequest? request, UserScope user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var read = ReleaseDecisionRequestReader.Read(request, errors);
        if (read is null)
        {
            return (null, new DecisionOutcome.Malformed(errors));
        }

        var area = await db.HazardAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == read.HazardAreaId, ct);
        if (area is null || !user.CanRead(area.CountryCode))
        {
            return (null, new DecisionOutcome.Rejected([new("hazard-area-unknown", "hazardAreaId",
                $"No hazardous area has id {read.HazardAreaId}.")], []));
        }

        if (!user.CanWrite(area.CountryCode, read.OrganisationCode))
        {
            return (null, new DecisionOutcome.Forbidden(
                $"Your token does not allow recording {area.CountryCode} decisions in the name of {read.OrganisationCode}."));
        }

        var violations = new List<RuleViolation>();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == read.OrganisationCode, ct);
        if (organisation is null || !organisation.WorksIn(area.CountryCode))
        {
            violations.Add(new("organisation-not-in-country", "organisation",
                $"{read.OrganisationCode} is not an organisation working in {area.CountryCode}."));
        }

        if (read.ActivityId is { } activityId)
        {
            // The activity is the decision's evidence: it must exist, and be work on this very area.
            var activityArea = await db.Activities.Where(a => a.Id == activityId).Select(a => (Guid?)a.HazardAreaId).FirstOrDefaultAsync(ct);
            if (activityArea != area.Id)
            {
                violations.Add(activityArea is null
                    ? new("activity-unknown", "activityId", $"No activity has id {activityId}.")
                    : new("activity-of-another-area", "activityId", $"Activity {activityId} worked another hazardous area, not {area.Id}."));
            }
        }

        if (DatesOfInformation.IsInFuture(read.DateOfInformation, clock.Today()))
        {
            violations.Add(new(HazardAreaRules.DateInFuture, "dateOfInformation", "The date of information is in the future."));
        }

        var geometry = GeometryChecks.Check(read.Geometry, await boundaries.FindAsync(area.CountryCode, ct));
        if (geometry.IsAccepted && await InsideViolationAsync(area.Id, geometry.Geometry!, ct) is { } outside)
        {
            violations.Add(outside);
        }

        if (violations.Count > 0 || !geometry.IsAccepted)
        {
            return (null, new DecisionOutcome.Rejected(violations, geometry.Errors));
        }

        var details = new ReleaseDecisionDetails(read.Kind, geometry.Geometry!, read.EnteredArea, read.ActivityId,
            read.OrganisationCode, read.DateOfInformation, read.Notes, read.Attachments);
        return ((details, area, geometry.Warnings), null);
    }

    /// <summary>
    /// DOMAIN rule 7: with the area locked, the preview is exactly what approval would credit; a decision that would
    /// credit nothing is refused, naming the decisions that released its land first. A partial overlap is approved.
    /// </summary>
    private async Task<DecisionOutcome.AlreadyReleased?> NothingToCreditAsync(ReleaseDecision decision, CancellationToken ct)
    {
        var preview = await ReleasePreviews.OfAsync(db, decision.Id, ct);
        if (preview is null || !ApprovalRules.CreditsNothing(preview.CreditSqm))
        {
            return null;
        }

        var earlier = preview.Earlier.ToList();
        var names = string.Join(", ", earlier.Select(o => $"{o.ReleaseDecisionId} (dated {o.DateOfInformation:yyyy-MM-dd}, {o.AreaSqm:#,0} m²)"));
        return new DecisionOutcome.AlreadyReleased(
            $"All {decision.AreaSqm:#,0} m² of this decision's land were released already, by {names}; approving it would credit nothing.",
            [.. earlier.Select(o => o.ReleaseDecisionId)]);
    }

    private async Task<RuleViolation?> InsideViolationAsync(Guid areaId, MultiPolygon geometry, CancellationToken ct)
    {
        var outside = await ReleaseCounting.OutsideAsync(db, areaId, geometry, ct);
        return outside is { } o ? ReleaseRules.Outside(o.OutsideSqm, o.BeyondToleranceSqm, ReleaseCounting.InsideToleranceMetres) : null;
    }
}
