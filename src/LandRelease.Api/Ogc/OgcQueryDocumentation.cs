using LandRelease.Api.Infrastructure;

namespace LandRelease.Api.Ogc;

/// <summary>
/// The OGC routes' query parameters in the API's OpenAPI document, as /ogc/api states them for GIS clients
/// (the handlers read them themselves, so the framework cannot see them).
/// </summary>
internal static class OgcQueryDocumentation
{
    public static QueryParameter Format { get; } =
        QueryParameter.OneOf("f", "json or html; by default what the Accept header prefers.", ["json", "html"]);

    public static QueryParameter Crs { get; } =
        QueryParameter.OneOf("crs", "The CRS of the geometries returned (default CRS84).", [.. OgcCrsList.Uris]);

    public static QueryParameter[] Items { get; } =
    [
        new("limit", $"Features per page (default {OgcItemsRequest.DefaultLimit}); a larger value is served at {OgcItemsRequest.MaxLimit}.")
        {
            Minimum = 1, Maximum = OgcItemsRequest.MaxLimit, Default = OgcItemsRequest.DefaultLimit,
        },
        new("bbox", "minx,miny,maxx,maxy in bbox-crs (default CRS84: longitude, latitude)."),
        QueryParameter.OneOf("bbox-crs", "The CRS of bbox.", [.. OgcCrsList.Uris]),
        Crs,
        new("datetime", "A date, date-time or interval (start/end, '..' open) of the date of information."),
        new("cursor", "Where the next page starts: follow the next link rather than writing it."),
        QueryParameter.OneOf("f", "Items come as GeoJSON: json or geojson.", ["json", "geojson"]),
        .. OgcCollection.All.SelectMany(c => c.Filters.Keys).Distinct(StringComparer.Ordinal)
            .Select(name => new QueryParameter(name, $"Only features whose {name} is this value (the collection's description says which apply).")),
    ];
}
