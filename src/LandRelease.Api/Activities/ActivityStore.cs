using LandRelease.Data;
using LandRelease.Domain.Activities;

namespace LandRelease.Api.Activities;

/// <summary>
/// Saves an activity with its version row (and its area's move to WORKED_ON, when it is the first work on it), in the
/// caller's transaction when there is one (an atomic upload), else in its own.
/// </summary>
internal static class ActivityStore
{
    /// <summary>Returns the Feature as stored, which the version row keeps and the API serves.</summary>
    public static async Task<string> SaveAsync(LandReleaseDbContext db, Activity activity, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await ActivityAreaStatus.ReflectAsync(db, activity, ct);
            // The first save brings back the m² PostgreSQL generates, so the kept Feature carries them.
            await db.SaveChangesAsync(ct);
            var feature = ActivityJson.Write(activity);
            db.ActivityVersions.Add(ActivityVersion.Of(activity, feature));
            await db.SaveChangesAsync(ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }

            return feature;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}
