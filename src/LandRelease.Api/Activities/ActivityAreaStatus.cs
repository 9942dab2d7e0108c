using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using LandRelease.Data.Releases;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

/// <summary>
/// An activity under way or done on an open hazardous area makes it WORKED_ON: a new version of the area with its
/// audit row, written by <see cref="HazardAreaWriter"/> in the activity's transaction. Planned and suspended activities move nothing.
/// </summary>
internal static class ActivityAreaStatus
{
    /// <summary>
    /// Call inside the activity's transaction, before the activity's own rows are written: the area row is locked
    /// before the activity's (the order <see cref="ActivityDecisions"/> keeps too), so no concurrent write is lost.
    /// </summary>
    public static async Task ReflectAsync(LandReleaseDbContext db, Activity activity, CancellationToken ct)
    {
        if (activity.Status is not (ActivityStatus.Ongoing or ActivityStatus.Completed))
        {
            return;
        }

        // Most work lands on areas already worked on: only an OPEN area is locked (then checked again), so activity
        // writes on one area do not queue behind each other.
        var status = await db.HazardAreas.AsNoTracking().Where(a => a.Id == activity.HazardAreaId).Select(a => a.Status).SingleAsync(ct);
        if (status != HazardAreaStatus.Open)
        {
            return;
        }

        await ReleaseCounting.LockAreaAsync(db, activity.HazardAreaId, ct);
        var area = await db.HazardAreas.SingleAsync(a => a.Id == activity.HazardAreaId, ct);
        await db.Entry(area).ReloadAsync(ct);
        var actor = new Actor(activity.RecordedBy, activity.RecordedByOrganisation);
        var name = $"{WireName<ActivityType>.Of(activity.Type)} activity {activity.LocalId ?? activity.Id.ToString()}";
        if (area.ReflectWork(activity.StartDate, name, actor, activity.RecordedAt))
        {
            await HazardAreaWriter.RecordStatusAsync(db, area, ct);
        }
    }
}
