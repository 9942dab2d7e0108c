using LandRelease.Domain.Common;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Activities;

/// <summary>
/// A survey or clearance activity on one hazardous area: who worked, how, when, where, what they found and
/// what land they propose to release. <see cref="Version"/> is also the optimistic-concurrency token; every
/// version is kept as an <see cref="ActivityVersion"/>.
/// </summary>
public sealed class Activity
{
    private readonly List<ActivityDevice> _devices = [];
    private readonly List<ProposedOutcome> _outcomes = [];

    private Activity()
    {
    }

    public Guid Id { get; private set; }
    public Guid HazardAreaId { get; private set; }

    /// <summary>The country of the hazardous area, copied so that access checks and local ids need no join.</summary>
    public string CountryCode { get; private set; } = "";

    /// <summary>The operator's own reference, unique in the country when given; uploads update by it.</summary>
    public string? LocalId { get; private set; }

    public ActivityType Type { get; private set; }
    public string OrganisationCode { get; private set; } = "";
    public string Method { get; private set; } = "";
    public DateOnly StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public ActivityStatus Status { get; private set; }
    public Point ReferencePoint { get; private set; } = null!;
    public MultiPolygon? WorkedArea { get; private set; }

    /// <summary>Geodesic m² of <see cref="WorkedArea"/> (PostGIS geography, a generated column).</summary>
    public double? WorkedAreaSqm { get; private set; }

    public IReadOnlyList<ActivityDevice> Devices => _devices;
    public IReadOnlyList<ProposedOutcome> ProposedOutcomes => _outcomes;
    public string? Notes { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string? RecordedByOrganisation { get; private set; }
    public string ChangeReason { get; private set; } = "";

    public static Activity Record(Guid id, Guid hazardAreaId, string countryCode, ActivityDetails details, ActivityShapes shapes,
        Actor actor, DateTimeOffset recordedAt, string reason)
    {
        var activity = new Activity
        {
            Id = id, HazardAreaId = hazardAreaId, CountryCode = countryCode, LocalId = details.LocalId, Version = 1,
        };
        activity.Apply(details, shapes, actor, recordedAt, reason);
        return activity;
    }

    public void Revise(ActivityDetails details, ActivityShapes shapes, Actor actor, DateTimeOffset recordedAt, string reason)
    {
        Version++;
        LocalId = details.LocalId ?? LocalId;
        Apply(details, shapes, actor, recordedAt, reason);
    }

    /// <summary>Whether a resubmission states exactly what this version states (an upload sent twice changes nothing).</summary>
    public bool States(ActivityDetails details, ActivityShapes shapes) =>
        (details.LocalId ?? LocalId) == LocalId && details.Type == Type && details.OrganisationCode == OrganisationCode
        && details.Method == Method && details.StartDate == StartDate && details.EndDate == EndDate && details.Status == Status
        && details.Notes == Notes && ReferencePoint.EqualsExact(shapes.ReferencePoint)
        && (WorkedArea is null ? shapes.WorkedArea is null : shapes.WorkedArea is not null && WorkedArea.EqualsExact(shapes.WorkedArea))
        && Devices.OrderBy(d => d.DeviceType).Select(d => new DeviceCount(d.DeviceType, d.Found, d.Destroyed))
            .SequenceEqual(details.Devices.OrderBy(d => d.Type))
        && ProposedOutcomes.Count == shapes.Outcomes.Count
        && ProposedOutcomes.Zip(shapes.Outcomes).All(p => p.First.Kind == p.Second.Kind && p.First.Geometry.EqualsExact(p.Second.Geometry));

    /// <summary>
    /// Takes the geodesic m² PostgreSQL generated for the rows just written (worked area; each outcome by ordinal), so
    /// the Feature kept as the version's record carries them without reading the activity back.
    /// </summary>
    public void Measured(double? workedAreaSqm, IReadOnlyDictionary<int, double> outcomeSqm)
    {
        WorkedAreaSqm = workedAreaSqm;
        foreach (var outcome in _outcomes)
        {
            outcome.Measured(outcomeSqm[outcome.Ordinal]);
        }
    }

    /// <summary>Records the release decisions drafted from proposed outcomes (by ordinal): a new version of the activity.</summary>
    public void LinkDecisions(IReadOnlyDictionary<int, Guid> decisionsByOrdinal, Actor actor, DateTimeOffset at)
    {
        if (decisionsByOrdinal.Count == 0)
        {
            return;
        }

        foreach (var outcome in _outcomes.Where(o => decisionsByOrdinal.ContainsKey(o.Ordinal)))
        {
            outcome.Link(decisionsByOrdinal[outcome.Ordinal]);
        }

        Version++;
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        RecordedAt = at;
        ChangeReason = $"Release decisions drafted from {decisionsByOrdinal.Count} proposed outcome(s)";
    }

    private void Apply(ActivityDetails details, ActivityShapes shapes, Actor actor, DateTimeOffset recordedAt, string reason)
    {
        Type = details.Type;
        OrganisationCode = details.OrganisationCode;
        Method = details.Method;
        StartDate = details.StartDate;
        EndDate = details.EndDate;
        Status = details.Status;
        Notes = details.Notes;
        ReferencePoint = shapes.ReferencePoint;
        WorkedArea = shapes.WorkedArea;
        ApplyDevices(details.Devices);
        ApplyOutcomes(shapes.Outcomes);
        RecordedBy = actor.Name;
        RecordedByOrganisation = actor.Organisation;
        RecordedAt = recordedAt;
        ChangeReason = reason;
    }

    // Rows are updated in place by their key (device type, ordinal) rather than replaced, so the database
    // sees an update where the key survives and a delete or insert only where it does not.
    private void ApplyDevices(IReadOnlyList<DeviceCount> devices)
    {
        _devices.RemoveAll(d => devices.All(n => n.Type != d.DeviceType));
        foreach (var device in devices)
        {
            var existing = _devices.Find(d => d.DeviceType == device.Type);
            if (existing is null)
            {
                _devices.Add(new ActivityDevice(device.Type, device.Found, device.Destroyed));
            }
            else
            {
                existing.Set(device.Found, device.Destroyed);
            }
        }
    }

    /// <summary>
    /// The outcomes with a release decision that <paramref name="shapes"/> would not state again: a revision that
    /// changes or drops them leaves their decisions behind (the register refuses it while such a decision stands).
    /// </summary>
    public IReadOnlyList<ProposedOutcome> DecidedOutcomesNotRestated(IReadOnlyList<OutcomeShape> shapes) => CarryDecisions(shapes).Left;

    /// <summary>
    /// An outcome stated again unchanged (same kind, same polygon) keeps the release decision drafted from it,
    /// wherever it now stands in the list, so drafting decisions again never duplicates one.
    /// </summary>
    private void ApplyOutcomes(IReadOnlyList<OutcomeShape> shapes)
    {
        var carried = CarryDecisions(shapes).Carried;
        for (var i = 0; i < shapes.Count; i++)
        {
            if (i < _outcomes.Count)
            {
                _outcomes[i].Set(shapes[i].Kind, shapes[i].Geometry, carried[i]);
            }
            else
            {
                _outcomes.Add(new ProposedOutcome(i, shapes[i].Kind, shapes[i].Geometry, carried[i]));
            }
        }

        if (_outcomes.Count > shapes.Count)
        {
            _outcomes.RemoveRange(shapes.Count, _outcomes.Count - shapes.Count);
        }
    }

    /// <summary>The decision each new outcome keeps (by position), and the decided outcomes none restates.</summary>
    private (Guid?[] Carried, List<ProposedOutcome> Left) CarryDecisions(IReadOnlyList<OutcomeShape> shapes)
    {
        var linked = _outcomes.Where(o => o.ReleaseDecisionId is not null).ToList();
        var carried = new Guid?[shapes.Count];
        for (var i = 0; i < shapes.Count; i++)
        {
            var match = linked.Find(o => o.Kind == shapes[i].Kind && o.Geometry.EqualsExact(shapes[i].Geometry));
            if (match is not null)
            {
                linked.Remove(match);
                carried[i] = match.ReleaseDecisionId;
            }
        }

        return (carried, linked);
    }
}
