using LandRelease.Web.Accounts;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace LandRelease.Api.Access;

internal static class AuthSetup
{
    public static IServiceCollection AddLandReleaseAuth(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (environment.IsProduction() && options.DevelopmentSigningKey is not null)
        {
            throw new InvalidOperationException(
                "Auth:DevelopmentSigningKey is set in Production. Configure Auth:Authority (your OpenID Connect provider) instead.");
        }

        // Bearer JWTs as before; the default scheme picks them, a personal token or the sign-in cookie per request.
        var auth = services.AddAuthentication(SignInSchemes.Default);
        auth.AddJwtBearer(JwtBearerDefaults.AuthenticationScheme, jwt =>
        {
            // Keep claim names as issued ("role", "country", "org") rather than mapped to long URIs.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = options.Audience,
                RoleClaimType = TokenClaims.Role,
                NameClaimType = TokenClaims.Name,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (options.Authority is not null)
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = !environment.IsDevelopment();
            }
            else if (options.DevelopmentSigningKey is not null)
            {
                jwt.TokenValidationParameters.ValidIssuer = options.DevelopmentIssuer;
                jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.Key(options.DevelopmentSigningKey);
            }
        });
        auth.AddLandReleaseSignIn(configuration, environment);
        services.AddAuthorization(Policies.Add);
        return services;
    }
}
