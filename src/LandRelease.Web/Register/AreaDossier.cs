using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Audit;
using LandRelease.Domain.HazardAreas;
using LandRelease.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Web.Register;

/// <summary>A version of the area beside what it changed from the one before (null for the first).</summary>
public sealed record VersionRow(HazardAreaVersion Version, VersionChange? Change);

/// <summary>The first rows of a list and how many there are in all: a page never cuts a list short without saying so.</summary>
public sealed record Shown<T>(IReadOnlyList<T> Rows, int Total)
{
    public bool Cut => Total > Rows.Count;
}

/// <summary>
/// Everything the area's page shows, read as its user may see it: null when the area does not exist or lies in a
/// country the user does not read (the page answers 404 to both, as the API does).
/// </summary>
public sealed record AreaDossier(AreaRow Area, string FeatureJson, IReadOnlyList<VersionRow> History, Shown<Activity> Activities,
    Shown<ReleaseDecision> Decisions, Shown<AuditEntry>? Audit)
{
    public static async Task<AreaDossier?> LoadAsync(Guid id, UserScope user, HazardAreaFeatures features, LandReleaseDbContext db,
        CancellationToken ct)
    {
        var feature = await features.GetAsync(id, ct);
        if (feature is null || !user.CanRead(feature.CountryCode))
        {
            return null;
        }

        // One area's own versions: all of them, newest first on the page.
        var versions = await db.HazardAreaVersions.AsNoTracking().Where(v => v.HazardAreaId == id).OrderBy(v => v.Version).ToListAsync(ct);
        var changes = VersionChanges.Of(versions);
        var history = versions.Select((v, i) => new VersionRow(v, changes[i])).Reverse().ToList();

        var activities = db.Activities.AsNoTracking().Where(a => a.HazardAreaId == id);
        var decisions = db.ReleaseDecisions.AsNoTracking().Where(d => d.HazardAreaId == id);
        var shownActivities = new Shown<Activity>(
            await activities.OrderBy(a => a.StartDate).ThenBy(a => a.Id).Take(RegisterAssets.ListShown).ToListAsync(ct),
            await activities.CountAsync(ct));
        var shownDecisions = new Shown<ReleaseDecision>(
            await decisions.OrderBy(d => d.DateOfInformation).ThenBy(d => d.Id).Take(RegisterAssets.ListShown).ToListAsync(ct),
            await decisions.CountAsync(ct));

        Shown<AuditEntry>? audit = null;
        if (user.Is(Roles.NationalAuthority) || user.Is(Roles.Admin))
        {
            // The area's own entries and those of its decisions and activities, in its country.
            var country = feature.CountryCode;
            var related = db.AuditLog.AsNoTracking().Where(e => e.CountryCode == country
                && (e.EntityId == id || decisions.Select(d => d.Id).Contains(e.EntityId) || activities.Select(a => a.Id).Contains(e.EntityId)));
            audit = new Shown<AuditEntry>(await related.OrderByDescending(e => e.Id).Take(RegisterAssets.ListShown).ToListAsync(ct),
                await related.CountAsync(ct));
        }

        return new AreaDossier(AreaRow.FromFeature(feature.Json), feature.Json, history, shownActivities, shownDecisions, audit);
    }
}
