using Microsoft.AspNetCore.Http;

namespace LandRelease.Web.Accounts;

/// <summary>
/// One default scheme in front of three: a personal API token or a JWT when the request carries
/// "Authorization: Bearer", the sign-in cookie otherwise. The same policies then decide for pages and routes.
/// </summary>
public static class SignInSchemes
{
    public const string Default = "landrelease";
    public const string Cookie = "Identity.Application"; // IdentityConstants.ApplicationScheme
    public const string External = "Identity.External"; // IdentityConstants.ExternalScheme
    public const string Jwt = "Bearer";
    public const string PersonalToken = "personal-token";
    public const string Oidc = "oidc";
    public const string CookieName = "landrelease";

    public static string Select(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer " + PersonalTokens.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return PersonalToken;
        }

        if (authorization.Length > 0)
        {
            return Jwt;
        }

        var request = context.Request;
        if (!WebPaths.IsApi(request.Path))
        {
            return Cookie;
        }

        // The API reads a signed-in browser's cookie (reports open in a tab) but writes only with a bearer
        // token: a cookie rides along on requests other sites make, a header does not.
        var readsWithCookie = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Cookies.ContainsKey(CookieName);
        return readsWithCookie ? Cookie : Jwt;
    }
}
