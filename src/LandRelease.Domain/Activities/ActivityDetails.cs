using NetTopologySuite.Geometries;
using LandRelease.Domain.Releases;

namespace LandRelease.Domain.Activities;

/// <summary>What a team states about its survey or clearance work; geometry travels separately.</summary>
public sealed record ActivityDetails(
    string? LocalId,
    ActivityType Type,
    string OrganisationCode,
    string Method,
    DateOnly StartDate,
    DateOnly? EndDate,
    ActivityStatus Status,
    IReadOnlyList<DeviceCount> Devices,
    string? Notes);

/// <summary>Devices of one type found and destroyed during an activity.</summary>
public sealed record DeviceCount(DeviceType Type, int Found, int Destroyed);

/// <summary>The places of an activity, already through the geometry checks: where the team started, worked, and what it proposes to release.</summary>
public sealed record ActivityShapes(Point ReferencePoint, MultiPolygon? WorkedArea, IReadOnlyList<OutcomeShape> Outcomes);

/// <summary>Land an activity proposes to release, and how (cancelled, reduced or cleared).</summary>
public sealed record OutcomeShape(ReleaseKind Kind, MultiPolygon Geometry);
