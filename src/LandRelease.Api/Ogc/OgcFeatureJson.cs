using System.Globalization;
using System.Text;
using System.Text.Json;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Ogc;

namespace LandRelease.Api.Ogc;

/// <summary>Wraps the Features PostgreSQL rendered into OGC responses: the page with its counts and links, one Feature with its links.</summary>
internal static class OgcFeatureJson
{
    public static GeoJsonPageResult<OgcFeatureCollection> Page(Utf8FeaturePage page, HttpRequest request, string collectionId)
    {
        var opening = new StringBuilder(160);
        opening.Append("{\"type\":\"FeatureCollection\",\"numberReturned\":").Append(page.Features.Count);
        if (page.NumberMatched is { } matched)
        {
            opening.Append(",\"numberMatched\":").Append(matched.ToString(CultureInfo.InvariantCulture));
        }

        opening.Append(",\"timeStamp\":\"").Append(DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .Append("\",\"features\":[");
        var closing = new StringBuilder("],\"links\":[", 512);
        Link(closing, Self(request), "self", OgcSpec.GeoJson);
        closing.Append(',');
        Link(closing, OgcSpec.Url(request, $"/collections/{collectionId}"), "collection", OgcSpec.Json);
        if (page.NextAfter is { } after)
        {
            closing.Append(',');
            Link(closing, FeatureCollection.NextLink(request, after), "next", OgcSpec.GeoJson);
        }

        return new GeoJsonPageResult<OgcFeatureCollection>(opening.ToString(), page.Features, closing.Append("]}").ToString());
    }

    /// <summary>One Feature with the links the standard asks of it (self, collection), added before its closing brace.</summary>
    public static string One(string feature, HttpRequest request, string collectionId)
    {
        var json = new StringBuilder(feature.Length + 400).Append(feature, 0, feature.Length - 1).Append(",\"links\":[");
        Link(json, Self(request), "self", OgcSpec.GeoJson);
        json.Append(',');
        Link(json, OgcSpec.Url(request, $"/collections/{collectionId}"), "collection", OgcSpec.Json);
        return json.Append("]}").ToString();
    }

    /// <summary>The request's own address, query included.</summary>
    private static string Self(HttpRequest request) =>
        request.Scheme + "://" + request.Host + request.PathBase + request.Path + request.QueryString;

    private static void Link(StringBuilder json, string href, string rel, string type) =>
        json.Append("{\"href\":").Append(JsonSerializer.Serialize(href)).Append(",\"rel\":\"").Append(rel)
            .Append("\",\"type\":\"").Append(type).Append("\"}");
}
