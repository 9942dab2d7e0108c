using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Releases;
using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Activities;

/// <summary>Activities, their devices and outcomes as column arrays, the parameters of <see cref="ActivityWriteSql"/>.</summary>
internal static class ActivityRows
{
    public static void AddActivities(NpgsqlCommand command, IReadOnlyList<Activity> rows)
    {
        Add(command, rows.Select(a => a.Id));
        Add(command, rows.Select(a => a.HazardAreaId));
        Add(command, rows.Select(a => a.CountryCode));
        Add(command, rows.Select(a => a.LocalId));
        Add(command, rows.Select(a => WireName<ActivityType>.Of(a.Type)));
        Add(command, rows.Select(a => a.OrganisationCode));
        Add(command, rows.Select(a => a.Method));
        Add(command, rows.Select(a => a.StartDate));
        Add(command, rows.Select(a => a.EndDate));
        Add(command, rows.Select(a => WireName<ActivityStatus>.Of(a.Status)));
        Add(command, rows.Select(a => (Geometry)a.ReferencePoint));
        Add(command, rows.Select(a => (Geometry?)a.WorkedArea));
        Add(command, rows.Select(a => a.Notes));
        Add(command, rows.Select(a => a.Version));
        Add(command, rows.Select(a => a.RecordedAt));
        Add(command, rows.Select(a => a.RecordedBy));
        Add(command, rows.Select(a => a.RecordedByOrganisation));
        Add(command, rows.Select(a => a.ChangeReason));
    }

    public static void AddDevices(NpgsqlCommand command, IReadOnlyList<Activity> rows)
    {
        var devices = rows.SelectMany(a => a.Devices.Select(d => (a.Id, d))).ToList();
        Add(command, devices.Select(x => x.Id));
        Add(command, devices.Select(x => WireName<DeviceType>.Of(x.d.DeviceType)));
        Add(command, devices.Select(x => x.d.Found));
        Add(command, devices.Select(x => x.d.Destroyed));
    }

    public static void AddOutcomes(NpgsqlCommand command, IReadOnlyList<Activity> rows)
    {
        var outcomes = rows.SelectMany(a => a.ProposedOutcomes.Select(o => (a.Id, o))).ToList();
        Add(command, outcomes.Select(x => x.Id));
        Add(command, outcomes.Select(x => x.o.Ordinal));
        Add(command, outcomes.Select(x => WireName<ReleaseKind>.Of(x.o.Kind)));
        Add(command, outcomes.Select(x => (Geometry)x.o.Geometry));
        Add(command, outcomes.Select(x => x.o.ReleaseDecisionId));
    }

    public static void Add<T>(NpgsqlCommand command, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = [.. values] });
}
