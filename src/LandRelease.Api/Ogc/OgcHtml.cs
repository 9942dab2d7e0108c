using System.Globalization;
using System.Net;

namespace LandRelease.Api.Ogc;

/// <summary>The landing page and collections for a person in a browser: what is here and the links a GIS client needs.</summary>
internal static class OgcHtml
{
    public const string MediaType = "text/html; charset=utf-8";

    public static string Landing(OgcLandingPage page, IReadOnlyList<string> countries) => Page(page.Title, $"""
        <p>{E(page.Description)}</p>
        <p>{(countries.Count == 0
            ? "Your token reads no country's register: its features are for the register's field operators and national authorities."
            : $"Your token reads the register of {(countries.Count == 1 ? "one country" : $"{countries.Count} countries")}: {E(string.Join(", ", countries))}.")}</p>
        <ul>
        {string.Concat(page.Links.Where(l => l.Rel != "self").Select(l => $"<li><a href=\"{E(l.Href)}\">{E(l.Title ?? l.Rel)}</a> ({E(l.Type)})</li>\n"))}</ul>
        <h2>In QGIS or GDAL</h2>
        <p>QGIS: Layer, Add Layer, Add WFS / OGC API - Features Layer; URL <code>{E(page.Links[0].Href.Split('?')[0])}</code>,
        with an authentication configuration that sends the header <code>Authorization: Bearer YOUR-TOKEN</code>.</p>
        <p>GDAL: <code>GDAL_HTTP_HEADERS="Authorization: Bearer YOUR-TOKEN" ogrinfo OAPIF:{E(page.Links[0].Href.Split('?')[0])}</code></p>
        """);

    public static string Collections(OgcCollections collections) => Page("Collections",
        collections.Collections.Count == 0
            ? "<p>Your token reads no collection: the register's features are for its field operators and national authorities.</p>"
            : string.Concat(collections.Collections.Select(Collection)));

    public static string One(OgcCollectionInfo collection) => Page(collection.Title, Collection(collection));

    private static string Collection(OgcCollectionInfo c)
    {
        var box = c.Extent.Spatial.Bbox[0];
        return $"""
            <h2>{E(c.Title)} <small>({E(c.Id)})</small></h2>
            <p>{E(c.Description)}</p>
            <p>Extent (lon/lat, the countries you may read): {string.Join(", ", box.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)))}</p>
            <p>CRSs: {string.Join(", ", c.Crs.Select(E))}</p>
            <ul>
            {string.Concat(c.Links.Select(l => $"<li><a href=\"{E(l.Href)}\">{E(l.Title ?? l.Rel)}</a> ({E(l.Type)})</li>\n"))}</ul>
            """;
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{E(title)} - LandRelease OGC API</title></head>
        <body>
        <h1>{E(title)}</h1>
        {body}
        </body></html>
        """;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
