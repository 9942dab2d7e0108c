using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Ogc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Ogc;

/// <summary>Items and single items: GeoJSON rendered by PostgreSQL, in the CRS asked, said in Content-Crs.</summary>
internal static class OgcItemsEndpoints
{
    public static async Task<Results<GeoJsonPageResult<OgcFeatureCollection>, ValidationProblem, ProblemHttpResult>> Items(
        string collectionId, HttpContext http, FeaturePages pages, CancellationToken ct)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId);
        }

        var errors = new Dictionary<string, string[]>();
        var visible = OgcEndpoints.Readable(http);
        if (OgcItemsRequest.Read(http.Request.Query, collection, visible, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (query.Filters.TryGetValue("country", out var country) && !visible.Contains(country))
        {
            return Problems.OutOfReach(country);
        }

        var page = await pages.ListUtf8Async(collection.Source, query, ct);
        http.Response.Headers["Content-Crs"] = $"<{query.Crs.Uri}>";
        return OgcFeatureJson.Page(page, http.Request, collection.Id);
    }

    public static async Task<Results<GeoJsonResult<object>, ValidationProblem, ProblemHttpResult>> Item(
        string collectionId, string featureId, HttpContext http, FeaturePages pages, CancellationToken ct)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId);
        }

        var errors = new Dictionary<string, string[]>();
        foreach (var name in http.Request.Query.Keys.Where(k => k is not ("crs" or "f")))
        {
            errors[name] = [$"'{name}' is not a parameter of a single feature; use crs or f."];
        }

        var crs = OgcItemsRequest.ReadCrs("crs", http.Request.Query["crs"].FirstOrDefault(), errors);
        if (errors.Count > 0 || crs is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = Guid.TryParse(featureId, out var id) ? await pages.GetAsync(collection.Source, id, crs, ct) : null;
        if (found is not { } feature)
        {
            return Problems.NotFound($"{collection.Id} has no feature '{featureId}'.");
        }

        if (!UserScope.From(http.User).CanRead(feature.CountryCode))
        {
            return Problems.OutOfReach(feature.CountryCode);
        }

        http.Response.Headers["Content-Crs"] = $"<{crs.Uri}>";
        return new GeoJsonResult<object>(OgcFeatureJson.One(feature.Json, http.Request, collection.Id));
    }
}
