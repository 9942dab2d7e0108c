using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Ogc;

/// <summary>
/// JSON or HTML: <c>f=json|html</c> when given, else HTML only when the Accept header prefers text/html (a
/// browser); GDAL, QGIS and scripts ask for JSON or anything. Other query parameters are refused by name.
/// </summary>
internal static class OgcFormat
{
    public static bool? WantsHtml(HttpRequest request, Dictionary<string, string[]> errors)
    {
        foreach (var name in request.Query.Keys.Where(k => k != "f"))
        {
            errors[name] = [$"'{name}' is not a parameter here; only f (json or html) is."];
        }

        var f = request.Query["f"];
        if (f.Count > 0)
        {
            switch (f.ToString().Trim().ToLowerInvariant())
            {
                case "json":
                    return errors.Count > 0 ? null : false;
                case "html":
                    return errors.Count > 0 ? null : true;
                default:
                    errors["f"] = [$"f is json or html, not '{f}'."];
                    return null;
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges))
        {
            return false;
        }

        var best = ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1)
            .Select(r => r.MediaType.Value).FirstOrDefault(m => m is "text/html" or "application/json" or "application/*" or "*/*"
                                                                 or "application/geo+json");
        return best == "text/html";
    }
}
