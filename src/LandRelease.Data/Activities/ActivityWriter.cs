using LandRelease.Data.Common;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using static LandRelease.Data.Activities.ActivityRows;

namespace LandRelease.Data.Activities;

/// <summary>
/// The one writer of activities: the activity rows with their devices and outcomes, the version row (the Feature as
/// served), the audit row (<see cref="ActivitySnapshot"/>), the area's move to WORKED_ON with its version and audit
/// row, and the reports' outbox row, all in the caller's transaction and set-based, so one activity from the API and
/// thousands from an upload take the same statements. After the commit the caller enqueues the report refresh.
/// </summary>
public static class ActivityWriter
{
    /// <param name="featureOf">The activity as the API serves it; kept as the version's record.</param>
    /// <returns>One result per change, in order.</returns>
    public static async Task<IReadOnlyList<ActivityWritten>> WriteAsync(LandReleaseDbContext db, IReadOnlyList<ActivityChange> changes,
        Func<Activity, string> featureOf, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Activities are written inside a transaction.");
        var run = new Run((NpgsqlConnection)db.Database.GetDbConnection(), transaction);
        var created = changes.Where(c => c.IsNew).Select(c => c.Activity).ToList();
        var revised = changes.Where(c => !c.IsNew).Select(c => c.Activity).ToList();

        await run.ExecuteAsync(ActivityWriteSql.LockOpenAreas, c => Add(c, changes
            .Where(x => ActivityRules.MovesAreaToWorkedOn(x.Activity.Status)).Select(x => x.Activity.HazardAreaId).Distinct()), ct);
        await run.ExecuteAsync(ActivityWriteSql.LockActivities, c => Add(c, revised.Select(a => a.Id)), ct);
        var workedSqm = new Dictionary<Guid, double?>();
        await run.ReadAsync(ActivityWriteSql.Insert, c => AddActivities(c, created), r => workedSqm[r.GetGuid(0)] = Sqm(r, 1), ct);
        await run.ReadAsync(ActivityWriteSql.Update, c => AddActivities(c, revised), r => workedSqm[r.GetGuid(0)] = Sqm(r, 1), ct);

        var written = changes.Where(c => workedSqm.ContainsKey(c.Activity.Id)).ToList();
        var results = changes.Select(c => workedSqm.ContainsKey(c.Activity.Id) ? ActivityWriteResult.Written
            : c.IsNew ? ActivityWriteResult.LocalIdTaken : ActivityWriteResult.Stale).ToList();
        var features = new Dictionary<Guid, string>();
        if (written.Count > 0)
        {
            await WriteRowsAsync(run, written, workedSqm, ct);
            foreach (var change in written)
            {
                features[change.Activity.Id] = featureOf(change.Activity);
            }

            await WriteHistoryAsync(run, written, features, ct);
        }

        return [.. changes.Select((c, i) => new ActivityWritten(results[i], features.GetValueOrDefault(c.Activity.Id)))];
    }

    private static async Task WriteRowsAsync(Run run, List<ActivityChange> written, Dictionary<Guid, double?> workedSqm,
        CancellationToken ct)
    {
        var activities = written.Select(c => c.Activity).ToList();
        var replaced = written.Where(c => !c.IsNew).Select(c => c.Activity.Id).ToList();
        await run.ExecuteAsync(ActivityWriteSql.DeleteDevices, c => Add(c, replaced), ct);
        await run.ExecuteAsync(ActivityWriteSql.DeleteOutcomes, c => Add(c, replaced), ct);
        await run.ExecuteAsync(ActivityWriteSql.InsertDevices, c => AddDevices(c, activities), ct);
        var outcomeSqm = activities.ToDictionary(a => a.Id, _ => new Dictionary<int, double>());
        await run.ReadAsync(ActivityWriteSql.InsertOutcomes, c => AddOutcomes(c, activities),
            r => outcomeSqm[r.GetGuid(0)][r.GetInt32(1)] = r.GetDouble(2), ct);
        foreach (var activity in activities)
        {
            activity.Measured(workedSqm[activity.Id], outcomeSqm[activity.Id]);
        }
    }

    private static async Task WriteHistoryAsync(Run run, List<ActivityChange> written, Dictionary<Guid, string> features, CancellationToken ct)
    {
        var activities = written.Select(c => c.Activity).ToList();
        await run.ExecuteAsync(ActivityWriteSql.InsertVersions, c =>
        {
            Add(c, activities.Select(a => a.Id));
            Add(c, activities.Select(a => a.Version));
            Add(c, activities.Select(a => features[a.Id]));
            Add(c, activities.Select(a => a.RecordedAt));
            Add(c, activities.Select(a => a.RecordedBy));
            Add(c, activities.Select(a => a.RecordedByOrganisation));
            Add(c, activities.Select(a => a.ChangeReason));
        }, ct);
        await run.ExecuteAsync(ActivityWriteSql.InsertAudit, c =>
        {
            Add(c, activities.Select(a => a.Id));
            Add(c, activities.Select(a => a.RecordedBy));
            Add(c, activities.Select(a => a.RecordedByOrganisation));
            Add(c, activities.Select(a => a.CountryCode));
            Add(c, written.Select(w => w.Action));
            Add(c, written.Select(w => w.Before));
            Add(c, activities.Select(ActivitySnapshot.Of));
            Add(c, activities.Select(a => a.ChangeReason));
        }, ct);

        // The first activity (in the caller's order) that moves each area names the move.
        var moving = activities.Where(a => ActivityRules.MovesAreaToWorkedOn(a.Status)).DistinctBy(a => a.HazardAreaId).ToList();
        await run.ExecuteAsync(ActivityWriteSql.MoveAreasToWorkedOn, c =>
        {
            Add(c, moving.Select(a => a.HazardAreaId));
            Add(c, moving.Select(a => a.StartDate));
            Add(c, moving.Select(a => HazardArea.WorkedOnReason(
                $"{WireName<ActivityType>.Of(a.Type)} activity {a.LocalId ?? a.Id.ToString()}", a.StartDate)));
            Add(c, moving.Select(a => a.RecordedBy));
            Add(c, moving.Select(a => a.RecordedByOrganisation));
            Add(c, moving.Select(a => a.RecordedAt));
        }, ct);
        await run.ExecuteAsync(ActivityWriteSql.MarkReportsDirty, c =>
        {
            Add(c, activities.Select(a => a.CountryCode));
            Add(c, written.Select(w => w.ReportsSince));
            Add(c, activities.Select(a => a.RecordedAt));
        }, ct);
    }

    private static double? Sqm(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private sealed record Run(NpgsqlConnection Connection, NpgsqlTransaction Transaction)
    {
        public async Task ExecuteAsync(string sql, Action<NpgsqlCommand> parameters, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, Connection, Transaction);
            parameters(command);
            await StepClock.TimeAsync(ActivityWriteSql.NameOf(sql), () => command.ExecuteNonQueryAsync(ct));
        }

        public async Task ReadAsync(string sql, Action<NpgsqlCommand> parameters, Action<NpgsqlDataReader> row, CancellationToken ct)
        {
            await using var command = new NpgsqlCommand(sql, Connection, Transaction);
            parameters(command);
            await StepClock.TimeAsync(ActivityWriteSql.NameOf(sql), async () =>
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    row(reader);
                }
            });
        }
    }
}
