using System.Text.Json.Nodes;

namespace LandRelease.Api.Ogc;

/// <summary>
/// The OpenAPI 3.0 definition of /ogc (conformance class oas30). Clients read it for the items parameters;
/// GDAL takes its page size from the limit's maximum.
/// </summary>
internal static class OgcOpenApi
{
    public static JsonObject Document(HttpRequest request)
    {
        var filters = OgcCollection.All.SelectMany(c => c.Filters.Keys).Distinct(StringComparer.Ordinal)
            .Select(name => Query(name, $"Only features whose {name} is this value (the collection's description says which apply).", new JsonObject { ["type"] = "string" }));
        JsonNode[] itemsParameters =
        [
            CollectionId(),
            Query("limit", $"Features per page; a larger value is served at {OgcItemsRequest.MaxLimit}.", new JsonObject
            {
                ["type"] = "integer", ["minimum"] = 1, ["maximum"] = OgcItemsRequest.MaxLimit, ["default"] = OgcItemsRequest.DefaultLimit,
            }),
            Query("bbox", "minx,miny,maxx,maxy in bbox-crs (default CRS84: lon/lat).", new JsonObject
            {
                ["type"] = "array", ["minItems"] = 4, ["maxItems"] = 4, ["items"] = new JsonObject { ["type"] = "number" },
            }, explode: false),
            Query("bbox-crs", "The CRS of bbox.", CrsSchema()),
            Query("crs", "The CRS of the geometries returned.", CrsSchema()),
            Query("datetime", "A date, date-time or interval (start/end, '..' open) of the date of information.", new JsonObject { ["type"] = "string" }),
            Query("cursor", "Where the next page starts; follow the next link rather than writing it.", new JsonObject { ["type"] = "string" }),
            .. filters,
        ];
        var bearer = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });
        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "LandRelease OGC API - Features", ["version"] = "1.0.0" },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = OgcSpec.Url(request) }),
            ["security"] = bearer,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
            },
            ["paths"] = new JsonObject
            {
                ["/"] = Get("Landing page", "getLandingPage", []),
                ["/conformance"] = Get("Conformance classes", "getConformanceDeclaration", []),
                ["/collections"] = Get("Collections the token may read", "getCollections", []),
                ["/collections/{collectionId}"] = Get("One collection", "describeCollection", [CollectionId()]),
                ["/collections/{collectionId}/items"] = Get("A page of features", "getFeatures", itemsParameters, OgcSpec.GeoJson),
                ["/collections/{collectionId}/items/{featureId}"] = Get("One feature", "getFeature",
                    [CollectionId(), Path("featureId", "The feature's id (a UUID)."), Query("crs", "The CRS of the geometry.", CrsSchema())],
                    OgcSpec.GeoJson),
            },
        };
    }

    private static JsonObject CrsSchema() => new()
    {
        ["type"] = "string", ["format"] = "uri", ["enum"] = new JsonArray([.. OgcCrsList.Uris.Select(u => JsonValue.Create(u))]),
        ["default"] = OgcCrsList.Supported[0].Uri,
    };

    private static JsonObject CollectionId() => new()
    {
        ["name"] = "collectionId", ["in"] = "path", ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. OgcCollection.All.Select(c => JsonValue.Create(c.Id))]) },
    };

    private static JsonObject Path(string name, string description) => new()
    {
        ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonObject Query(string name, string description, JsonObject schema, bool explode = true) => new()
    {
        ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["style"] = "form",
        ["explode"] = explode, ["schema"] = schema,
    };

    private static JsonObject Get(string summary, string operationId, JsonNode[] parameters, string mediaType = OgcSpec.Json) => new()
    {
        ["get"] = new JsonObject
        {
            ["summary"] = summary,
            ["operationId"] = operationId,
            ["parameters"] = new JsonArray([.. parameters]),
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = summary,
                    ["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
                },
                ["400"] = Problem("A parameter is unknown or malformed; the problem names it."),
                ["401"] = Problem("No valid bearer token."),
                ["403"] = Problem("The token does not reach this collection or country."),
                ["404"] = Problem("No such collection or feature."),
            },
        },
    };

    private static JsonObject Problem(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
    };
}
