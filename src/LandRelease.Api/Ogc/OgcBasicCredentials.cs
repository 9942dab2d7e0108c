using System.Net.Http.Headers;
using System.Text;

namespace LandRelease.Api.Ogc;

/// <summary>
/// GIS clients that cannot send a bearer header (QGIS 3.22 as Debian 12 ships it offers Basic authentication
/// only, as do many desktop tools) may send their token as the Basic password under /ogc; the user name is
/// ignored. The token is then checked exactly as a bearer token is: nothing else changes.
/// </summary>
internal static class OgcBasicCredentials
{
    public static IApplicationBuilder UseOgcBasicCredentials(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/ogc")
            && AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && Password(header.Parameter) is { } token)
        {
            request.Headers.Authorization = $"Bearer {token}";
        }

        return next(context);
    });

    private static string? Password(string? parameter)
    {
        var bytes = new byte[parameter?.Length ?? 0];
        if (parameter is null || !Convert.TryFromBase64String(parameter, bytes, out var written))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < credentials.Length - 1 ? credentials[(colon + 1)..] : null;
    }
}
