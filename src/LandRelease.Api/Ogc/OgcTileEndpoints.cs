using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Ogc;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LandRelease.Api.Ogc;

/// <summary>
/// OGC API - Tiles for each collection: Mapbox vector tiles on the WebMercatorQuad grid, made by PostGIS, filtered
/// by the caller's scope exactly as the items are. Loadable in QGIS as a vector tile layer (XYZ template).
/// </summary>
internal static class OgcTileEndpoints
{
    public const string MediaType = "application/vnd.mapbox-vector-tile";
    private const string Grid = "WebMercatorQuad";
    private const string GridUri = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";

    public static RouteGroupBuilder MapOgcTiles(this RouteGroupBuilder group)
    {
        group.MapGet("/collections/{collectionId}/tiles", Tilesets).RequireAuthorization(Policies.RegisterReader).Documented("List a collection's tilesets", 404);
        group.MapGet($"/collections/{{collectionId}}/tiles/{Grid}", Tileset).RequireAuthorization(Policies.RegisterReader).Documented("Describe a collection's tileset", 404);
        group.MapGet($"/collections/{{collectionId}}/tiles/{Grid}/{{z:int}}/{{y:int}}/{{x:int}}", Tile).RequireAuthorization(Policies.RegisterReader)
            .Documented("Read a vector tile of a collection", 404);
        return group;
    }

    public static Results<JsonHttpResult<OgcTilesets>, ProblemHttpResult> Tilesets(string collectionId, HttpRequest request) =>
        OgcCollection.Find(collectionId) is { } collection
            ? TypedResults.Json(new OgcTilesets([Describe(collection, request)]), contentType: OgcSpec.Json)
            : OgcEndpoints.UnknownCollection(collectionId);

    public static Results<JsonHttpResult<OgcTileset>, ProblemHttpResult> Tileset(string collectionId, HttpRequest request) =>
        OgcCollection.Find(collectionId) is { } collection
            ? TypedResults.Json(Describe(collection, request), contentType: OgcSpec.Json)
            : OgcEndpoints.UnknownCollection(collectionId);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Tile(string collectionId, int z, int y, int x,
        HttpContext http, VectorTiles tiles, CancellationToken ct)
    {
        if (OgcCollection.Find(collectionId) is not { } collection)
        {
            return OgcEndpoints.UnknownCollection(collectionId);
        }

        if (z is < 0 or > VectorTiles.MaxZoom || x < 0 || y < 0 || x >= 1L << z || y >= 1L << z)
        {
            return Problems.NotFound($"{Grid} has no tile {z}/{y}/{x}: zoom is 0 to {VectorTiles.MaxZoom}, row and column 0 to 2^zoom - 1.");
        }

        var tile = await tiles.TileAsync(collection.Source, collection.Id, OgcEndpoints.Readable(http), z, x, y, ct);
        http.Response.Headers.CacheControl = "private, max-age=60";
        return TypedResults.File(tile, MediaType);
    }

    private static OgcTileset Describe(OgcCollection collection, HttpRequest request)
    {
        var path = $"/collections/{collection.Id}/tiles/{Grid}";
        return new OgcTileset($"{collection.Title} as vector tiles", "vector", "http://www.opengis.net/def/crs/EPSG/0/3857", GridUri,
            [new OgcTileLayer(collection.Id, "vector", 2, "0", VectorTiles.MaxZoom.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [
                new OgcTileLink(OgcSpec.Url(request, path), "self", OgcSpec.Json, null),
                new OgcTileLink(OgcSpec.Url(request, path + "/{tileMatrix}/{tileRow}/{tileCol}"), "item", MediaType, true),
                new OgcTileLink(GridUri, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme", OgcSpec.Json, null),
                new OgcTileLink(OgcSpec.Url(request, $"/collections/{collection.Id}"), "collection", OgcSpec.Json, null),
            ]);
    }
}

internal sealed record OgcTilesets(IReadOnlyList<OgcTileset> Tilesets);

internal sealed record OgcTileset(string Title, string DataType, string Crs, string TileMatrixSetURI, IReadOnlyList<OgcTileLayer> Layers,
    IReadOnlyList<OgcTileLink> Links);

internal sealed record OgcTileLayer(string Id, string DataType, int GeometryDimension, string MinTileMatrix, string MaxTileMatrix);

internal sealed record OgcTileLink(string Href, string Rel, string Type,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] bool? Templated);
