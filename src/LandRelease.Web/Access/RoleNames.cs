namespace LandRelease.Web.Access;

/// <summary>How a role is named to people (the claim value is for machines).</summary>
public static class RoleNames
{
    public static string Label(string role) => role switch
    {
        Roles.FieldOperator => "Field operator",
        Roles.NationalAuthority => "National authority",
        Roles.RegionalViewer => "Regional viewer",
        Roles.Admin => "Administrator",
        _ => role,
    };
}
