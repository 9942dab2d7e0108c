using Microsoft.AspNetCore.Authorization;

namespace LandRelease.Web.Access;

/// <summary>
/// Route-level policies: the role gate. Which country and organisation a user may touch is checked
/// against the record itself (<see cref="UserScope"/>), since it depends on data the route cannot see.
/// </summary>
public static class Policies
{
    public const string AnyUser = "any-user";
    public const string RegisterReader = "register-reader";
    public const string RegisterWriter = "register-writer";
    public const string NationalAuthority = "national-authority";
    public const string Admin = "admin";
    public const string AuditReader = "audit-reader";
    public const string ReportReader = "report-reader";
    public const string RegionalReader = "regional-reader";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser());
        options.AddPolicy(RegisterReader, p => p.RequireRole(Roles.FieldOperator, Roles.NationalAuthority));
        options.AddPolicy(RegisterWriter, p => p.RequireRole(Roles.FieldOperator, Roles.NationalAuthority));
        options.AddPolicy(NationalAuthority, p => p.RequireRole(Roles.NationalAuthority));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(AuditReader, p => p.RequireRole(Roles.Admin, Roles.NationalAuthority));
        // Reports: every role; what each sees of a country is decided per request (aggregates only outside its own).
        options.AddPolicy(ReportReader, p => p.RequireRole(Roles.FieldOperator, Roles.NationalAuthority, Roles.RegionalViewer, Roles.Admin));
        options.AddPolicy(RegionalReader, p => p.RequireRole(Roles.NationalAuthority, Roles.RegionalViewer, Roles.Admin));
        // A route that forgets its policy is closed, not open; a test also insists every route names one.
        options.FallbackPolicy = options.GetPolicy(AnyUser);
    }
}
