using System.Text;
using System.Text.Json;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.HazardAreas;
using LandRelease.Data.Ogc;
using LandRelease.Domain.Geometry;
using Microsoft.AspNetCore.Http.Extensions;

namespace LandRelease.Api.HazardAreas;

/// <summary>Assembles a FeatureCollection from features PostgreSQL rendered, with an OGC-style "next" link.</summary>
internal static class FeatureCollection
{
    public static string Write(FeaturePage page, HttpRequest? request) =>
        new StringBuilder(256 + page.Features.Sum(f => f.Length + 1)).Append(Opening(page.Features.Count))
            .AppendJoin(',', page.Features).Append(Closing(page.NextAfter, request)).ToString();

    /// <summary>The register's page as the API sends it: the features pass through as PostgreSQL wrote them.</summary>
    public static GeoJsonPageResult<HazardAreaFeatureCollection> Write(Utf8FeaturePage page, HttpRequest request) =>
        new(Opening(page.Features.Count), page.Features, Closing(page.NextAfter, request));

    private static string Opening(int count) => $"{{\"type\":\"FeatureCollection\",\"numberReturned\":{count},\"features\":[";

    /// <summary>The end of the features array and the links: "next" when there may be more and the request is known.</summary>
    private static string Closing(Guid? nextAfter, HttpRequest? request) =>
        nextAfter is { } after && request is not null
            ? $"],\"links\":[{{\"rel\":\"next\",\"type\":\"application/geo+json\",\"href\":{JsonSerializer.Serialize(NextLink(request, after))}}}]}}"
            : "],\"links\":[]}";

    internal static string NextLink(HttpRequest request, Guid after) => NextLink(request, after.ToString());

    /// <summary>The request's own address with the cursor replaced: every filter and the limit carry over.</summary>
    internal static string NextLink(HttpRequest request, string after)
    {
        var query = request.Query.Where(q => q.Key != "cursor")
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("cursor", (string?)after));
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
    }
}

internal static class StoredFeatureJson
{
    /// <summary>Adds the fixes and warnings of the geometry checks to a stored Feature as a foreign member.</summary>
    public static string WithWarnings(string featureJson, IReadOnlyList<GeometryIssue> warnings)
    {
        if (warnings.Count == 0)
        {
            return featureJson;
        }

        var node = System.Text.Json.Nodes.JsonNode.Parse(featureJson)!.AsObject();
        node["warnings"] = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(
            warnings.Select(Infrastructure.Problems.ToItem), JsonSerializerOptions.Web));
        return node.ToJsonString();
    }
}
