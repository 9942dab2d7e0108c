namespace LandRelease.Web.Access;

/// <summary>The roles a token may carry (claim "role").</summary>
public static class Roles
{
    /// <summary>Records areas, activities and uploads for its own organisation, in countries where it works.</summary>
    public const string FieldOperator = "field-operator";

    /// <summary>Reads and maintains its country's register; approves, certifies and hands over released land.</summary>
    public const string NationalAuthority = "national-authority";

    /// <summary>Sees aggregates across countries, never the geometry of land not yet released.</summary>
    public const string RegionalViewer = "regional-viewer";

    /// <summary>Manages organisations, users' scopes and the job dashboard.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [FieldOperator, NationalAuthority, RegionalViewer, Admin];
}
