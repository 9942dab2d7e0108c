namespace LandRelease.Api.Access;

/// <summary>Bound from the "Auth" section: how bearer tokens are validated.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>An OpenID Connect issuer (Keycloak realm, Entra ID tenant); its signing keys are discovered.</summary>
    public string? Authority { get; set; }

    public string Audience { get; set; } = "landrelease-api";

    /// <summary>Issuer of tokens signed with the development key.</summary>
    public string DevelopmentIssuer { get; set; } = "landrelease-development";

    /// <summary>
    /// Base64 HMAC key for local tokens (./landrelease token). Refused in Production; ./landrelease makes a
    /// random one per machine, so no key lives in the repository.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }
}
