using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;

namespace LandRelease.Api.HazardAreas;

/// <summary>What became of a write to the register; endpoints and the sample loader map it to their own output.</summary>
internal abstract record RegisterOutcome
{
    public sealed record Stored(Guid Id, IReadOnlyList<GeometryIssue> Warnings) : RegisterOutcome;

    /// <summary>Fields that could not be read (400).</summary>
    public sealed record Malformed(Dictionary<string, string[]> Errors) : RegisterOutcome;

    /// <summary>Readable, but breaks rules of the register or geometry checks (422).</summary>
    public sealed record Rejected(IReadOnlyList<RuleViolation> Violations, IReadOnlyList<GeometryIssue> GeometryErrors) : RegisterOutcome;

    public sealed record Missing(Guid Id) : RegisterOutcome;

    /// <summary>The caller's token does not reach this country or organisation (403).</summary>
    public sealed record Forbidden(string Reason) : RegisterOutcome;

    public sealed record Duplicate(string CountryCode, string LocalId, Guid ExistingId) : RegisterOutcome;

    /// <summary>The writer's version is not the current one (412).</summary>
    public sealed record Stale(int CurrentVersion) : RegisterOutcome;
}
