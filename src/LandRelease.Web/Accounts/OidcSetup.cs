using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LandRelease.Web.Accounts;

internal static class OidcSetup
{
    /// <summary>Sign-in through an OpenID Connect provider, when Auth:Oidc names one (authorization code flow with PKCE).</summary>
    public static AuthenticationBuilder AddLandReleaseOidc(this AuthenticationBuilder auth, IConfiguration configuration, bool allowHttpCookies)
    {
        auth.Services.AddScoped<OidcAccounts>();
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (!options.IsConfigured)
        {
            return auth;
        }

        return auth.AddOpenIdConnect(SignInSchemes.Oidc, options.DisplayName, oidc =>
        {
            oidc.SignInScheme = SignInSchemes.External;
            oidc.Authority = options.Authority;
            oidc.ClientId = options.ClientId;
            oidc.ClientSecret = options.ClientSecret;
            oidc.RequireHttpsMetadata = options.RequireHttpsMetadata;
            oidc.ResponseType = "code";
            oidc.UsePkce = true;
            oidc.CallbackPath = ExternalSignIn.CallbackPath;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = true;
            // Claim names stay as the provider issues them; OidcOptions says which ones carry role, country and org.
            oidc.MapInboundClaims = false;
            // From the user info as well as the ID token; an array (several countries) becomes one claim per value.
            oidc.ClaimActions.MapUniqueJsonKey(options.NameClaim, options.NameClaim);
            oidc.ClaimActions.MapUniqueJsonKey(options.DisplayNameClaim, options.DisplayNameClaim);
            oidc.ClaimActions.MapJsonKey(options.RoleClaim, options.RoleClaim);
            oidc.ClaimActions.MapJsonKey(options.CountryClaim, options.CountryClaim);
            oidc.ClaimActions.MapUniqueJsonKey(options.OrganisationClaim, options.OrganisationClaim);
            oidc.Scope.Clear();
            foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                oidc.Scope.Add(scope);
            }

            // Over plain HTTP (Development, tests on loopback) a browser drops SameSite=None cookies, which must be
            // Secure; the provider on the same host is the same site, so Lax still carries them back.
            if (allowHttpCookies)
            {
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            }
        });
    }
}
