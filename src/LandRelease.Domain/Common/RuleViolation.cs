namespace LandRelease.Domain.Common;

/// <summary>A business rule that a request broke: which rule, which field, and a sentence for the user.</summary>
public sealed record RuleViolation(string Rule, string Field, string Message);
