namespace LandRelease.Web.Accounts;

/// <summary>
/// Bound from "Auth:Oidc": an external OpenID Connect provider (Keycloak, Entra ID) people may sign in with.
/// Its claims are mapped onto LandRelease's role, country and org; an account is kept for each person it signs in.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button on the sign-in form reads "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your organisation";

    public string Scopes { get; set; } = "openid profile";
    public bool RequireHttpsMetadata { get; set; } = true;

    public string NameClaim { get; set; } = "preferred_username";
    public string DisplayNameClaim { get; set; } = "name";
    public string RoleClaim { get; set; } = "role";
    public string CountryClaim { get; set; } = "country";
    public string OrganisationClaim { get; set; } = "org";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
