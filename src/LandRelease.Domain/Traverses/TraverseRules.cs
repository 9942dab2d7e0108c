namespace LandRelease.Domain.Traverses;

/// <summary>The rules a traverse can break, as <see cref="Common.RuleViolation.Rule"/>.</summary>
public static class TraverseRules
{
    public const string Crs = "traverse-crs";
    public const string ReferencePoint = "traverse-reference-point";
    public const string Legs = "traverse-legs";
    public const string Bearing = "traverse-bearing";
    public const string Distance = "traverse-distance";
    public const string Declination = "traverse-declination";
}
