using LandRelease.Api.Access;
using LandRelease.Api.Reports.Pipeline;
using LandRelease.Data;
using LandRelease.Data.Reports;
using LandRelease.Data.Activities;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

/// <summary>Whether a write whose local id already exists in the country updates that activity (uploads) or is refused (POST).</summary>
public enum ActivityWriteMode
{
    CreateOnly,
    UpsertByLocalId,
}

/// <summary>One activity Feature to record and the area it names.</summary>
internal sealed record ActivityInput(ActivityFeatureRequest? Request, AreaReference? Area);

/// <summary>One checked activity that changes something, waiting for the write.</summary>
internal sealed record PendingChange(int Index, ActivityChange Change, IReadOnlyList<FieldIssue> Warnings);

/// <summary>Activities checked and not yet written: one outcome per input (null where the write decides), the changes to write.</summary>
internal sealed record CheckedActivities(ActivityOutcome?[] Outcomes, IReadOnlyList<PendingChange> Changes);

/// <summary>
/// The write side of activities for the API and batch uploads alike: reads Features, applies the rules and geometry
/// checks to many at once, and hands what passes to <see cref="ActivityWriter"/>, which stores them in one
/// transaction. Then it enqueues the report refresh, unless the caller holds the transaction (an atomic upload).
/// </summary>
internal sealed partial class ActivityRegister(LandReleaseDbContext db, ActivityValidation validation, TimeProvider clock,
    IReportTrigger reports)
{
    public const string InitialReason = "Recorded";
    public const string ResubmittedReason = "Resubmitted with the same local id";

    private sealed record Item(int Index, PendingActivity Pending, string Reason);

    public async Task<ActivityOutcome> RecordAsync(ActivityFeatureRequest? request, AreaReference? area, UserScope user,
        ActivityWriteMode mode, CancellationToken ct) => (await RecordManyAsync([new(request, area)], user, mode, ct))[0];

    /// <summary>
    /// Records activities, one outcome each in order. With <see cref="ActivityWriteMode.UpsertByLocalId"/>, a local id already
    /// used in the country revises that activity (a new version; none when nothing changed). Inputs share no local id.
    /// </summary>
    public async Task<IReadOnlyList<ActivityOutcome>> RecordManyAsync(IReadOnlyList<ActivityInput> inputs, UserScope user,
        ActivityWriteMode mode, CancellationToken ct) => await WriteCheckedAsync(await CheckManyAsync(inputs, user, mode, ct), ct);

    /// <summary>
    /// The checks of <see cref="RecordManyAsync"/> without the write: an upload checks its next part while this one is
    /// written (<see cref="WriteCheckedAsync"/>, on another register), as long as the two share no local id.
    /// </summary>
    public async Task<CheckedActivities> CheckManyAsync(IReadOnlyList<ActivityInput> inputs, UserScope user, ActivityWriteMode mode,
        CancellationToken ct)
    {
        var outcomes = new ActivityOutcome?[inputs.Count];
        var reads = new ReadActivity?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var errors = new Dictionary<string, string[]>();
            reads[i] = ActivityRequestReader.Read(inputs[i].Request, errors);
            outcomes[i] = reads[i] is null ? new ActivityOutcome.Malformed(errors) : inputs[i].Area is null ? NoArea : null;
        });

        var open = Enumerable.Range(0, inputs.Count).Where(i => outcomes[i] is null).ToList();
        var areas = await validation.ResolveAreasAsync(open.Select(i => inputs[i].Area!), ct);
        foreach (var i in open)
        {
            var reference = inputs[i].Area!;
            outcomes[i] = !areas.TryGetValue(reference, out var area) || !user.CanRead(area.CountryCode)
                ? new ActivityOutcome.Missing($"No hazardous area has {reference}.")
                : ActivityValidation.Mismatch(area, reads[i]!);
        }

        open.RemoveAll(i => outcomes[i] is not null);
        var existing = await ExistingAsync([.. open.Select(i => (areas[inputs[i].Area!].CountryCode, reads[i]!.Details.LocalId))], ct);
        var items = new List<Item>();
        foreach (var i in open)
        {
            var (read, area) = (reads[i]!, areas[inputs[i].Area!]);
            var current = read.Details.LocalId is { } localId ? existing.GetValueOrDefault((area.CountryCode, localId)) : null;
            outcomes[i] = Gate(read, area, current, user, mode);
            if (outcomes[i] is null)
            {
                items.Add(new Item(i, new PendingActivity(read, area, current),
                    read.ChangeReason ?? (current is null ? InitialReason : ResubmittedReason)));
            }
        }

        return new CheckedActivities(outcomes, await CheckAsync(items, user, outcomes, ct));
    }

    /// <summary>Writes a checked part in one transaction (unless the caller holds one); one outcome per input, in order.</summary>
    public async Task<IReadOnlyList<ActivityOutcome>> WriteCheckedAsync(CheckedActivities part, CancellationToken ct)
    {
        await WriteAsync(part.Changes, part.Outcomes, ct);
        return [.. part.Outcomes.Select(o => o!)];
    }

    /// <summary>Records a new version of activity <paramref name="id"/>, if <paramref name="expectedVersion"/> is still the current one.</summary>
    public async Task<ActivityOutcome> ReviseAsync(Guid id, int expectedVersion, ActivityFeatureRequest? request, UserScope user,
        CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
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

        var area = await ActivityValidation.Facts(db.HazardAreas.Where(a => a.Id == activity.HazardAreaId)).SingleAsync(ct);
        var outcomes = new[] { (ActivityOutcome?)ActivityValidation.Mismatch(area, read) ?? WriterGate(read, activity.CountryCode, user) };
        if (outcomes[0] is null)
        {
            await WriteAsync(await CheckAsync([new Item(0, new PendingActivity(read, area, activity), read.ChangeReason)], user, outcomes, ct),
                outcomes, ct);
        }

        return outcomes[0]!;
    }

    private static readonly ActivityOutcome NoArea = new ActivityOutcome.Malformed(new()
    {
        ["properties.hazardAreaId"] = ["Name the hazardous area worked: properties.hazardAreaId or properties.hazardAreaLocalId."],
    });

    /// <summary>Who may write what: a new activity in the name of an organisation, or a revision of an existing one.</summary>
    private static ActivityOutcome? Gate(ReadActivity read, AreaFacts area, Activity? current, UserScope user, ActivityWriteMode mode)
    {
        if (current is null)
        {
            return WriterGate(read, area.CountryCode, user);
        }

        if (mode == ActivityWriteMode.CreateOnly)
        {
            return new ActivityOutcome.Duplicate(current.CountryCode, current.LocalId!, current.Id);
        }

        if (!user.CanWrite(current.CountryCode, current.OrganisationCode))
        {
            return new ActivityOutcome.Forbidden(
                $"{current.CountryCode} activity '{current.LocalId}' belongs to {current.OrganisationCode}; your token does not allow changing it.");
        }

        return current.HazardAreaId != area.Id
            ? new ActivityOutcome.Rejected([new(ActivityRules.IdentityIsFixed, "properties.hazardAreaId",
                $"Activity '{current.LocalId}' belongs to hazardous area {current.HazardAreaId}; an activity cannot move to another area.")], [])
            : WriterGate(read, area.CountryCode, user);
    }

    private static ActivityOutcome.Forbidden? WriterGate(ReadActivity read, string countryCode, UserScope user) =>
        user.CanWrite(countryCode, read.Details.OrganisationCode)
            ? null
            : new ActivityOutcome.Forbidden(
                $"Your token does not allow recording {countryCode} activities in the name of {read.Details.OrganisationCode}.");

    private async Task<Dictionary<(string, string), Activity>> ExistingAsync(IReadOnlyList<(string Country, string? LocalId)> keys,
        CancellationToken ct)
    {
        var found = new Dictionary<(string, string), Activity>();
        foreach (var country in keys.Where(k => k.LocalId is not null).GroupBy(k => k.Country))
        {
            // Most local ids of an upload are new: ask which exist before loading any activity whole.
            var candidates = country.Select(k => k.LocalId!).Distinct().ToList();
            var localIds = await db.Activities.Where(a => a.CountryCode == country.Key && candidates.Contains(a.LocalId!))
                .Select(a => a.LocalId!).ToListAsync(ct);
            if (localIds.Count == 0)
            {
                continue;
            }

            foreach (var activity in await db.Activities.AsNoTracking().AsSplitQuery()
                         .Where(a => a.CountryCode == country.Key && localIds.Contains(a.LocalId!)).ToListAsync(ct))
            {
                found[(activity.CountryCode, activity.LocalId!)] = activity;
            }
        }

        return found;
    }
}
