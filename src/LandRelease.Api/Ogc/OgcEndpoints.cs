using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Ogc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Ogc;

/// <summary>
/// OGC API - Features (Parts 1 and 2) at /ogc, for GDAL, QGIS and ArcGIS. Each collection reads exactly what the
/// register's own routes would show the caller: the countries of its token, for field operators and national
/// authorities; a regional viewer or administrator sees no collection, as they see no register.
/// </summary>
internal static class OgcEndpoints
{
    public static IEndpointRouteBuilder MapOgc(this IEndpointRouteBuilder routes)
    {
        // f (json or html) anywhere; the items read their own parameters, which depend on the collection.
        var group = routes.MapGroup("/ogc").WithTags("OGC API - Features").AcceptsQuery("f");
        group.MapGet("/", Landing).RequireAuthorization(Policies.AnyUser).Documented("Read the OGC API landing page").DocumentsQuery(OgcQueryDocumentation.Format)
            .Produces<OgcLandingPage>(StatusCodes.Status200OK, OgcSpec.Json, OgcSpec.Html);
        group.MapGet("/conformance", Conformance).RequireAuthorization(Policies.AnyUser).Documented("List the conformance classes")
            .Produces<OgcConformance>(StatusCodes.Status200OK, OgcSpec.Json);
        group.MapGet("/api", Definition).RequireAuthorization(Policies.AnyUser).Documented("Read the OGC API's OpenAPI 3.0 definition")
            .Produces(StatusCodes.Status200OK, contentType: OgcSpec.OpenApi30);
        group.MapGet("/collections", Collections).RequireAuthorization(Policies.AnyUser).Documented("List the feature collections").DocumentsQuery(OgcQueryDocumentation.Format)
            .Produces<OgcCollections>(StatusCodes.Status200OK, OgcSpec.Json, OgcSpec.Html);
        group.MapGet("/collections/{collectionId}", Collection).RequireAuthorization(Policies.RegisterReader).Documented("Describe a feature collection", 404).DocumentsQuery(OgcQueryDocumentation.Format)
            .Produces<OgcCollectionInfo>(StatusCodes.Status200OK, OgcSpec.Json, OgcSpec.Html);
        group.MapGet("/collections/{collectionId}/items", OgcItemsEndpoints.Items).RequireAuthorization(Policies.RegisterReader).ChecksOwnQuery()
            .Documented("List a collection's features", 404).DocumentsQuery(OgcQueryDocumentation.Items);
        group.MapGet("/collections/{collectionId}/items/{featureId}", OgcItemsEndpoints.Item).RequireAuthorization(Policies.RegisterReader).AcceptsQuery("crs")
            .Documented("Read one feature of a collection", 404).DocumentsQuery(OgcQueryDocumentation.Crs);
        group.MapOgcTiles();
        return routes;
    }

    public static Results<JsonHttpResult<OgcLandingPage>, ContentHttpResult, ValidationProblem> Landing(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (OgcFormat.WantsHtml(http.Request, errors) is not { } html)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var request = http.Request;
        var page = new OgcLandingPage("LandRelease", "The mine action register as OGC API - Features: hazardous areas, released land, activities and administrative areas.",
        [
            new(OgcSpec.Url(request, "", html ? "?f=html" : "?f=json"), "self", html ? OgcSpec.Html : OgcSpec.Json, "This page"),
            new(OgcSpec.Url(request, "", html ? "?f=json" : "?f=html"), "alternate", html ? OgcSpec.Json : OgcSpec.Html, "This page"),
            new(OgcSpec.Url(request, "/api"), "service-desc", OgcSpec.OpenApi30, "The API definition (OpenAPI 3.0)"),
            new(OgcSpec.Url(request, "/conformance"), "conformance", OgcSpec.Json, "Conformance classes"),
            new(OgcSpec.Url(request, "/collections"), "data", OgcSpec.Json, "Collections"),
        ]);
        return html ? Html(http, OgcHtml.Landing(page, Readable(http))) : TypedResults.Json(page, contentType: OgcSpec.Json);
    }

    public static JsonHttpResult<OgcConformance> Conformance() => TypedResults.Json(new OgcConformance(OgcSpec.ConformanceClasses), contentType: OgcSpec.Json);

    public static ContentHttpResult Definition(HttpContext http) =>
        TypedResults.Content(OgcOpenApi.Document(http.Request).ToJsonString(), OgcSpec.OpenApi30);

    public static async Task<Results<JsonHttpResult<OgcCollections>, ContentHttpResult, ValidationProblem>> Collections(
        HttpContext http, FeaturePages pages, FeaturePresence presence, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (OgcFormat.WantsHtml(http.Request, errors) is not { } html)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var visible = Readable(http);
        var listed = new List<OgcCollection>();
        foreach (var collection in visible.Count == 0 ? [] : OgcCollection.All)
        {
            if (!collection.ListedOnlyWhenPresent || await presence.AnyAsync(collection.Source, visible, ct))
            {
                listed.Add(collection);
            }
        }

        var extent = visible.Count == 0 ? null : await pages.ExtentAsync(visible, ct);
        var collections = new OgcCollections(
            [
                new(OgcSpec.Url(http.Request, "/collections", html ? "?f=html" : "?f=json"), "self", html ? OgcSpec.Html : OgcSpec.Json),
                new(OgcSpec.Url(http.Request, "/collections", html ? "?f=json" : "?f=html"), "alternate", html ? OgcSpec.Json : OgcSpec.Html),
            ],
            [.. listed.Select(c => Describe(c, http.Request, extent))]);
        return html ? Html(http, OgcHtml.Collections(collections)) : TypedResults.Json(collections, contentType: OgcSpec.Json);
    }

    public static async Task<Results<JsonHttpResult<OgcCollectionInfo>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> Collection(
        string collectionId, HttpContext http, FeaturePages pages, CancellationToken ct)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
        {
            return UnknownCollection(collectionId);
        }

        var errors = new Dictionary<string, string[]>();
        if (OgcFormat.WantsHtml(http.Request, errors) is not { } html)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var info = Describe(collection, http.Request, await pages.ExtentAsync(Readable(http), ct));
        return html ? Html(http, OgcHtml.One(info)) : TypedResults.Json(info, contentType: OgcSpec.Json);
    }

    internal static ProblemHttpResult UnknownCollection(string collectionId) => Problems.NotFound(
        $"There is no collection '{collectionId}'; the collections are {string.Join(", ", OgcCollection.All.Select(c => c.Id))}.");

    internal static IReadOnlyList<string> Readable(HttpContext http) => UserScope.From(http.User).ReadableCountries;

    private static OgcCollectionInfo Describe(OgcCollection collection, HttpRequest request, double[]? extent)
    {
        var path = $"/collections/{collection.Id}";
        return new OgcCollectionInfo(collection.Id, collection.Title, collection.Description,
            [
                new(OgcSpec.Url(request, path, "?f=json"), "self", OgcSpec.Json, collection.Title),
                new(OgcSpec.Url(request, path, "?f=html"), "alternate", OgcSpec.Html, collection.Title),
                new(OgcSpec.Url(request, path + "/items"), "items", OgcSpec.GeoJson, "Features"),
                new(OgcSpec.Url(request, path + "/tiles"), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", OgcSpec.Json, "Vector tiles"),
            ],
            new OgcExtent(new OgcSpatialExtent([extent ?? [-180, -90, 180, 90]], OutputCrs.Crs84.Uri),
                new OgcTemporalExtent([[null, null]], "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian")),
            "feature", [.. OgcCrsList.Uris], OutputCrs.Crs84.Uri);
    }

    private static ContentHttpResult Html(HttpContext http, string page)
    {
        // The pages carry neither scripts nor styles; links to the same origin are all they need.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return TypedResults.Content(page, OgcHtml.MediaType);
    }
}
