using System.Text.Json.Serialization;

namespace LandRelease.Api.Ogc;

internal sealed record OgcLink(string Href, string Rel, string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null);

internal sealed record OgcLandingPage(string Title, string Description, IReadOnlyList<OgcLink> Links);

internal sealed record OgcConformance(IReadOnlyList<string> ConformsTo);

internal sealed record OgcCollections(IReadOnlyList<OgcLink> Links, IReadOnlyList<OgcCollectionInfo> Collections);

internal sealed record OgcCollectionInfo(string Id, string Title, string Description, IReadOnlyList<OgcLink> Links,
    OgcExtent Extent, string ItemType, IReadOnlyList<string> Crs, string StorageCrs);

internal sealed record OgcExtent(OgcSpatialExtent Spatial, OgcTemporalExtent Temporal);

internal sealed record OgcSpatialExtent(IReadOnlyList<double[]> Bbox, string Crs);

internal sealed record OgcTemporalExtent(IReadOnlyList<string?[]> Interval, string Trs);

/// <summary>Documents the items response in OpenAPI; the body itself is written from PostgreSQL's GeoJSON text.</summary>
internal sealed record OgcFeatureCollection(string Type, IReadOnlyList<object> Features, int NumberReturned, long? NumberMatched,
    IReadOnlyList<OgcLink> Links);

/// <summary>The conformance classes this server implements, and where each of its documents lives.</summary>
internal static class OgcSpec
{
    public const string Json = "application/json";
    public const string GeoJson = "application/geo+json";
    public const string Html = "text/html";
    public const string OpenApi30 = "application/vnd.oai.openapi+json;version=3.0";

    public static readonly IReadOnlyList<string> ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
    ];

    /// <summary>The absolute URL of a path under /ogc, as the caller reached this server.</summary>
    public static string Url(HttpRequest request, string path = "", string query = "") =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/ogc{path}{query}";
}
