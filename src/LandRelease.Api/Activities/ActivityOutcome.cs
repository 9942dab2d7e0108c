using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;

namespace LandRelease.Api.Activities;

/// <summary>A geometry issue and the request field it concerns (geometry, properties.referencePoint, properties.proposedOutcomes[2].geometry).</summary>
public sealed record FieldIssue(string Field, GeometryIssue Issue);

/// <summary>How a stored activity came to be: a new record, a new version of one, or a resubmission that changed nothing.</summary>
public enum ActivityWrite
{
    Created,
    Revised,
    Unchanged,
}

/// <summary>What became of a write to the activities; endpoints and the batch upload map it to their own output.</summary>
internal abstract record ActivityOutcome
{
    /// <summary>Stored (or found unchanged); <paramref name="Feature"/> is the GeoJSON Feature as stored.</summary>
    public sealed record Stored(Guid Id, int Version, ActivityWrite Write, string Feature, IReadOnlyList<FieldIssue> Warnings) : ActivityOutcome;

    /// <summary>Fields that could not be read (400).</summary>
    public sealed record Malformed(Dictionary<string, string[]> Errors) : ActivityOutcome;

    /// <summary>Readable, but breaks rules or geometry checks (422).</summary>
    public sealed record Rejected(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<FieldIssue> GeometryErrors) : ActivityOutcome;

    /// <summary>The activity, or the hazardous area it names, does not exist (404; a per-feature rejection in an upload).</summary>
    public sealed record Missing(string What) : ActivityOutcome;

    /// <summary>The caller's token does not reach this country or organisation (403).</summary>
    public sealed record Forbidden(string Reason) : ActivityOutcome;

    /// <summary>The local id is taken in the country and the write was not allowed to update by it (409).</summary>
    public sealed record Duplicate(string CountryCode, string LocalId, Guid ExistingId) : ActivityOutcome;

    /// <summary>The writer's version is not the current one (412).</summary>
    public sealed record Stale(int CurrentVersion) : ActivityOutcome;

    /// <summary>Release decisions come only from a completed activity (409).</summary>
    public sealed record NotCompleted(string Status) : ActivityOutcome;

    /// <summary>The release decision of each proposed outcome, and whether this call drafted it.</summary>
    public sealed record Drafted(Guid ActivityId, IReadOnlyList<OutcomeDecision> Decisions) : ActivityOutcome;
}

public sealed record OutcomeDecision(int Ordinal, string Kind, Guid ReleaseDecisionId, bool Created);
