namespace LandRelease.Domain.Common;

/// <summary>A business rule that a request broke: which rule, which field, and a sentence for the user.</summary>
public sealed record RuleViolation(string Rule, string Field, string Message)
{
    /// <summary>Where the problem lies (WGS 84), when the rule can point at it: a map shows it there.</summary>
    public double? Longitude { get; init; }

    public double? Latitude { get; init; }
}
