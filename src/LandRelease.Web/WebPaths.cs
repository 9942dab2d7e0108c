using Microsoft.AspNetCore.Http;

namespace LandRelease.Web;

/// <summary>
/// Which requests are the API's (answered 401/403 ProblemDetails, bearer tokens) and which are pages
/// (a sign-in redirect, an access-denied page). Everything outside these prefixes is a page.
/// </summary>
public static class WebPaths
{
    private static readonly PathString[] ApiPrefixes = ["/api", "/ogc", "/openapi", "/scalar", "/hangfire", "/health"];

    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string AccessDenied = "/access-denied";

    public static bool IsApi(PathString path) => ApiPrefixes.Any(path.StartsWithSegments);

    public static bool IsPage(PathString path) => !IsApi(path);

    /// <summary>A return address after sign-in: a path on this site, never another host ("//evil", "/\evil").</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : "/";
}
