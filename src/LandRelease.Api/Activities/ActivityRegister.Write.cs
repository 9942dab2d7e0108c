using LandRelease.Api.Access;
using LandRelease.Data.Activities;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using Npgsql;

namespace LandRelease.Api.Activities;

internal sealed partial class ActivityRegister
{
    private const string LocalIdIndex = "ix_activities_country_code_local_id";

    /// <summary>Checks the gated activities together: the outcomes of those refused or unchanged, the changes of the others.</summary>
    private async Task<IReadOnlyList<PendingChange>> CheckAsync(IReadOnlyList<Item> items, UserScope user, ActivityOutcome?[] outcomes,
        CancellationToken ct)
    {
        var checkedItems = await validation.ValidateAsync([.. items.Select(i => i.Pending)], ct);
        var passed = items.Zip(checkedItems).Where(x => x.Second.Rejected is null).ToList();
        foreach (var (item, check) in items.Zip(checkedItems).Where(x => x.Second.Rejected is not null))
        {
            outcomes[item.Index] = check.Rejected;
        }

        // A resubmission stating nothing new writes nothing: no version, no audit row.
        var changed = new List<(Item Item, CheckedActivity Check)>();
        foreach (var (item, check) in passed)
        {
            if (item.Pending.Current is { } current && current.States(item.Pending.Read.Details, check.Shapes!))
            {
                outcomes[item.Index] = new ActivityOutcome.Stored(current.Id, current.Version, ActivityWrite.Unchanged,
                    ActivityJson.Write(current), check.Warnings);
            }
            else
            {
                changed.Add((item, check));
            }
        }

        var revisions = changed.Where(c => c.Item.Pending.Current is not null).ToList();
        var standing = await StandingDecisions.FindAsync(db, [.. revisions.Select(r => (r.Item.Pending.Current!, r.Check.Shapes!))], ct);
        foreach (var ((item, _), violations) in revisions.Zip(standing).Where(x => x.Second.Count > 0))
        {
            outcomes[item.Index] = new ActivityOutcome.Rejected(violations, []);
        }

        return [.. changed.Where(c => outcomes[c.Item.Index] is null)
            .Select(c => new PendingChange(c.Item.Index, Change(c.Item, c.Check.Shapes!, user.Actor), c.Check.Warnings))];
    }

    private ActivityChange Change(Item item, ActivityShapes shapes, Actor actor)
    {
        var (read, area, current) = item.Pending;
        if (current is null)
        {
            return ActivityChange.Created(Activity.Record(Guid.CreateVersion7(), area.Id, area.CountryCode, read.Details, shapes,
                actor, clock.GetUtcNow(), item.Reason));
        }

        // Its devices count in the period of its end date, on or after its start (before the revision too).
        var before = ActivitySnapshot.Of(current);
        var previousStart = current.StartDate;
        current.Revise(read.Details, shapes, actor, clock.GetUtcNow(), item.Reason);
        return new ActivityChange(current, ActivityChange.Revise, before,
            previousStart < current.StartDate ? previousStart : current.StartDate);
    }

    private async Task WriteAsync(IReadOnlyList<PendingChange> changes, ActivityOutcome?[] outcomes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        IReadOnlyList<ActivityWritten> written;
        try
        {
            written = await ActivityWriter.WriteAsync(db, [.. changes.Select(c => c.Change)], ActivityJson.Write, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }
        catch (PostgresException e) when (e.ConstraintName == LocalIdIndex && changes.Count == 1)
        {
            // A local id given to an activity that had none is already another activity's.
            var activity = changes[0].Change.Activity;
            outcomes[changes[0].Index] = new ActivityOutcome.Duplicate(activity.CountryCode, activity.LocalId!, Guid.Empty);
            return;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }

        foreach (var ((index, change, warnings), result) in changes.Zip(written))
        {
            var activity = change.Activity;
            outcomes[index] = result.Result switch
            {
                ActivityWriteResult.Written => new ActivityOutcome.Stored(activity.Id, activity.Version,
                    change.IsNew ? ActivityWrite.Created : ActivityWrite.Revised, result.Feature!, warnings),
                ActivityWriteResult.LocalIdTaken => new ActivityOutcome.Duplicate(activity.CountryCode, activity.LocalId!, Guid.Empty),
                _ => new ActivityOutcome.Stale(activity.Version),
            };
        }

        // After a commit of our own; inside an atomic upload's transaction its caller enqueues once that commits.
        if (own is not null)
        {
            foreach (var country in changes.Where((_, i) => written[i].Result == ActivityWriteResult.Written)
                         .Select(c => c.Change.Activity.CountryCode).Distinct())
            {
                reports.CountryChanged(country);
            }
        }
    }
}
