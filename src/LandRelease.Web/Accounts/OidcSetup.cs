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
            oidc.ClaimActions.MapAllExcept("nonce", "at_hash", "c_hash", "aud", "azp", "iss", "iat", "exp", "auth_time", "sid");
            oidc.Scope.Clear();
            foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                oidc.Scope.Add(scope);
            }

            if (allowHttpCookies)
            {
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        });
    }
}
