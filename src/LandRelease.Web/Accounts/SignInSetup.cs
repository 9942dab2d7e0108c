using LandRelease.Data;
using LandRelease.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LandRelease.Web.Accounts;

public static class SignInSetup
{
    /// <summary>Accounts (Identity on the register's database), the sign-in cookie and the scheme that picks per request.</summary>
    public static AuthenticationBuilder AddLandReleaseSignIn(this AuthenticationBuilder auth, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var options = configuration.GetSection(SignInOptions.Section).Get<SignInOptions>() ?? new SignInOptions();
        if (environment.IsProduction() && options.AllowHttpCookies)
        {
            throw new InvalidOperationException("Auth:SignIn:AllowHttpCookies is set in Production; the sign-in cookie must be Secure.");
        }

        var services = auth.Services;
        services.AddIdentityCore<Account>(identity =>
            {
                identity.User.RequireUniqueEmail = false;
                // Length over composition rules (NIST SP 800-63B): a long passphrase beats "Passw0rd!".
                identity.Password.RequiredLength = options.MinimumPasswordLength;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 4;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedAttempts;
                identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
                identity.ClaimsIdentity.UserIdClaimType = TokenClaims.Subject;
                identity.ClaimsIdentity.UserNameClaimType = TokenClaims.Name;
                identity.ClaimsIdentity.RoleClaimType = TokenClaims.Role;
            })
            .AddEntityFrameworkStores<LandReleaseDbContext>()
            .AddSignInManager<AccountSignInManager>()
            .AddClaimsPrincipalFactory<AccountClaims>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = options.RecheckAccountEvery);

        auth.AddPolicyScheme(SignInSchemes.Default, "Cookie or bearer token", o => o.ForwardDefaultSelector = SignInSchemes.Select);
        auth.AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie => ConfigureCookie(cookie, options));
        services.ConfigureExternalCookie(cookie => cookie.Cookie.SecurePolicy = SecurePolicy(options));
        services.AddScoped<AccountAdmin>();
        auth.AddPersonalTokens();
        auth.AddLandReleaseOidc(configuration, options.AllowHttpCookies);
        return auth;
    }

    private static CookieSecurePolicy SecurePolicy(SignInOptions options) =>
        options.AllowHttpCookies ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, SignInOptions options)
    {
        cookie.Cookie.Name = SignInSchemes.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = SecurePolicy(options);
        cookie.ExpireTimeSpan = options.CookieLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = WebPaths.SignIn;
        cookie.LogoutPath = WebPaths.SignOut;
        cookie.AccessDeniedPath = WebPaths.AccessDenied;
        cookie.Events.OnRedirectToLogin = context =>
        {
            // API clients get a 401 ProblemDetails, never an HTML form.
            if (WebPaths.IsApi(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return Task.CompletedTask;
            }

            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        };
        // The address stays what was asked for; the status pages render the 403 as a page, or as ProblemDetails for the API.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
