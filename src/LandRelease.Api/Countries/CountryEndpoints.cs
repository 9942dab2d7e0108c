using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Countries;
using LandRelease.Domain.Countries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LandRelease.Api.Countries;

internal static class CountryEndpoints
{
    private const string FeatureSql = """
        SELECT json_build_object('type', 'Feature', 'id', c.code,
            'bbox', json_build_array(ST_XMin(c.boundary), ST_YMin(c.boundary), ST_XMax(c.boundary), ST_YMax(c.boundary)),
            'geometry', ST_AsGeoJSON(c.boundary)::json,
            'properties', json_build_object('code', c.code, 'name', c.name, 'isoNumeric', c.iso_numeric,
                'source', 'Natural Earth 1:10m (public domain)'))::text
        FROM countries c WHERE c.code = $1
        """;

    public static IEndpointRouteBuilder MapCountries(this IEndpointRouteBuilder routes)
    {
        // Reference data: boundaries are public knowledge, but the API is for its users.
        var group = routes.MapGroup("/api/countries").WithTags("Countries").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", List).Documented("List the countries");
        group.MapGet("/outlines", Outlines).Documented("Read the countries' simplified outlines");
        group.MapGet("/{code}", Get).Documented("Read a country with its boundary", 404);
        return routes;
    }

    public static async Task<Ok<CountryResponse[]>> List(LandReleaseDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Countries.AsNoTracking().OrderBy(c => c.Code)
            .Select(c => new CountryResponse(c.Code, c.Name, c.IsoNumeric)).ToArrayAsync(ct));

    /// <summary>The ten boundaries simplified for a map, as one FeatureCollection (properties code and name).</summary>
    public static async Task<GeoJsonResult<CountryOutlineCollection>> Outlines(CountryOutlines outlines, HttpContext http,
        CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return new GeoJsonResult<CountryOutlineCollection>(await outlines.GeoJsonAsync(ct));
    }

    /// <summary>The country with its boundary as a GeoJSON Feature.</summary>
    public static async Task<Results<GeoJsonResult<CountryFeature>, ProblemHttpResult>> Get(
        string code, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(FeatureSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = CountryCode.Normalise(code) });
        return await command.ExecuteScalarAsync(ct) is string json
            ? new GeoJsonResult<CountryFeature>(json)
            : Problems.NotFound($"'{code}' is not a country this system serves (ISO 3166 alpha-3, e.g. KHM).");
    }
}

public sealed record CountryResponse(string Code, string Name, string IsoNumeric);

public sealed record CountryFeature(string Type, string Id, double[] Bbox, System.Text.Json.JsonElement Geometry, CountryResponse Properties);

public sealed record CountryOutlineCollection(string Type, System.Text.Json.JsonElement[] Features);
