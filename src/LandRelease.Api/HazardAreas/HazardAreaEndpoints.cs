using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.HazardAreas;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LandRelease.Api.HazardAreas;

internal static class HazardAreaEndpoints
{
    public static IEndpointRouteBuilder MapHazardAreas(this IEndpointRouteBuilder routes)
    {
        // Coordinates of uncleared land are sensitive: only the register's own users read them.
        var group = routes.MapGroup("/api/hazard-areas").WithTags("Hazardous areas");
        group.MapPost("/", Create).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Accepts<HazardAreaFeatureRequest>("application/geo+json", "application/json")
            .Produces<HazardAreaFeature>(StatusCodes.Status201Created, GeoJsonResult<HazardAreaFeature>.MediaType)
            .Documented("Record a hazardous area", 403, 409, 422).AnswersCreatedOnly();
        group.MapGet("/", List).RequireAuthorization(Policies.RegisterReader).Documented("List hazardous areas", 403)
            .WithDescription("The current version of each hazardous area in your countries, as a GeoJSON FeatureCollection a page at a time.")
            .DocumentsQuery([QueryParameter.Country("areas"),
                QueryParameter.OneOf("status", "Only areas with this status.", Domain.Common.WireName<Domain.HazardAreas.HazardAreaStatus>.All),
                new("organisation", "Only areas recorded by this organisation (its code)."),
                QueryParameter.OneOf("classification", "Only areas of this classification.", Domain.Common.WireName<Domain.HazardAreas.HazardClassification>.All),
                new("localId", "Only areas whose local id contains this text (any case)."), new("name", "Only areas whose name contains this text (any case)."),
                new("bbox", "Only areas crossing this box: minLon,minLat,maxLon,maxLat in WGS 84 degrees."),
                .. QueryParameter.Paging(HazardAreaSearch.DefaultLimit, HazardAreaSearch.MaxLimit)]);
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.RegisterReader).Documented("Read a hazardous area", 404).Produces(StatusCodes.Status304NotModified)
            .DocumentsQuery(QueryParameter.Date("asAt", "The version current on this date of information (yyyy-MM-dd); by default the current one."));
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.RegisterReader).Documented("Read a hazardous area's versions", 404);
        group.MapPut("/{id:guid}", Revise).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Accepts<HazardAreaFeatureRequest>("application/geo+json", "application/json")
            .Documented("Revise a hazardous area", 403, 404, 412, 422, 428);
        return routes;
    }

    public static async Task<Results<GeoJsonResult<HazardAreaFeature>, ValidationProblem, ProblemHttpResult>> Create(
        [FromBody] HazardAreaFeatureRequest? request, HazardAreaRegister register, HazardAreaFeatures features,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await register.RegisterAsync(request, UserScope.From(user), ct);
        return outcome switch
        {
            RegisterOutcome.Stored stored => await StoredResponse(stored, features, StatusCodes.Status201Created, ct),
            RegisterOutcome.Duplicate d => Problems.Conflict(
                $"{d.CountryCode} already has a hazardous area with local id '{d.LocalId}'" +
                (d.ExistingId == Guid.Empty ? "." : $" (/api/hazard-areas/{d.ExistingId}); revise it with PUT.")),
            _ => Failure(outcome),
        };
    }

    public static async Task<Results<GeoJsonResult<HazardAreaFeature>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, [FromBody] HazardAreaFeatureRequest? request, [FromHeader(Name = "If-Match")] string? ifMatch,
        HazardAreaRegister register, HazardAreaFeatures features, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Problems.PreconditionRequired(
                "Send If-Match with the ETag of the version you edited, so a concurrent change is never overwritten.");
        }

        if (ETags.IsWildcard(ifMatch))
        {
            return Problems.PreconditionRequired(
                "If-Match: * would overwrite whatever version is stored; send the ETag of the version you edited.");
        }

        if (ETags.ParseIfMatch(ifMatch) is not { } expected)
        {
            return Problems.PreconditionFailed($"If-Match {ifMatch} does not name a current version of this area (weak tags never match a write).");
        }

        var outcome = await register.ReviseAsync(id, expected, request, UserScope.From(user), ct);
        return outcome is RegisterOutcome.Stored stored
            ? await StoredResponse(stored, features, StatusCodes.Status200OK, ct)
            : Failure(outcome);
    }

    public static async Task<Results<GeoJsonResult<HazardAreaFeature>, ValidationProblem, ProblemHttpResult, StatusCodeHttpResult>> Get(
        Guid id, string? asAt, HazardAreaFeatures features, HttpContext http, CancellationToken ct)
    {
        var scope = UserScope.From(http.User);
        if (asAt is not null)
        {
            var errors = new Dictionary<string, string[]>();
            if (HazardAreaRequestReader.ReadDate(asAt, "asAt", errors) is not { } date)
            {
                return TypedResults.ValidationProblem(errors);
            }

            var version = await features.GetAsAtAsync(id, date, ct);
            if (version is not null)
            {
                return scope.CanRead(version.CountryCode) ? new GeoJsonResult<HazardAreaFeature>(version.Json) : Problems.NoSuch("hazardous area", id);
            }

            // Only a caller who may read the area learns that it exists but has no version by then.
            return await features.GetAsync(id, ct) is { } existing && scope.CanRead(existing.CountryCode)
                ? Problems.NotFound($"Hazardous area {id} has no version with a date of information on or before {date:yyyy-MM-dd}.")
                : Problems.NoSuch("hazardous area", id);
        }

        var feature = await features.GetAsync(id, ct);
        if (feature is null || !scope.CanRead(feature.CountryCode))
        {
            return Problems.NoSuch("hazardous area", id);
        }

        var etag = ETags.For(feature.Version);
        if (ETags.NoneMatchHits(http.Request.Headers.IfNoneMatch.ToString(), feature.Version))
        {
            http.Response.Headers.ETag = etag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new GeoJsonResult<HazardAreaFeature>(feature.Json) { ETag = etag };
    }

    public static async Task<Results<GeoJsonPageResult<HazardAreaFeatureCollection>, ValidationProblem, ProblemHttpResult>> List(
        string? country, string? status, string? organisation, string? classification, string? localId, string? name, string? bbox,
        int? limit, string? cursor, HazardAreaFeatures features, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var visible = UserScope.From(http.User).ReadableCountries;
        var search = new HazardAreaSearch(country, status, bbox, limit, cursor)
        {
            Organisation = organisation, Classification = classification, LocalId = localId, Name = name,
        };
        var query = search.Read(visible, errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (query.CountryCode is { } asked && !visible.Contains(asked))
        {
            return Problems.OutOfReach(asked);
        }

        return FeatureCollection.Write(await features.ListUtf8Async(query, ct), http.Request);
    }

    public static async Task<Results<GeoJsonResult<HazardAreaFeatureCollection>, ProblemHttpResult>> History(
        Guid id, HazardAreaFeatures features, ClaimsPrincipal user, CancellationToken ct)
    {
        var versions = await features.HistoryAsync(id, ct);
        if (versions.Count == 0 || !UserScope.From(user).CanRead(versions[^1].CountryCode))
        {
            return Problems.NoSuch("hazardous area", id);
        }

        var page = new FeaturePage([.. versions.Select(v => v.Json)], null);
        return new GeoJsonResult<HazardAreaFeatureCollection>(FeatureCollection.Write(page, null));
    }

    private static async Task<Results<GeoJsonResult<HazardAreaFeature>, ValidationProblem, ProblemHttpResult>> StoredResponse(
        RegisterOutcome.Stored stored, HazardAreaFeatures features, int status, CancellationToken ct)
    {
        var feature = await features.GetAsync(stored.Id, ct)
            ?? throw new InvalidOperationException($"Hazardous area {stored.Id} vanished after it was stored.");
        return new GeoJsonResult<HazardAreaFeature>(StoredFeatureJson.WithWarnings(feature.Json, stored.Warnings), status)
        {
            Location = $"/api/hazard-areas/{stored.Id}",
            ETag = ETags.For(feature.Version),
        };
    }

    private static Results<GeoJsonResult<HazardAreaFeature>, ValidationProblem, ProblemHttpResult> Failure(RegisterOutcome outcome) =>
        outcome switch
        {
            RegisterOutcome.Malformed m => TypedResults.ValidationProblem(m.Errors),
            RegisterOutcome.Rejected r => Problems.Unprocessable(r.Violations, r.GeometryErrors),
            RegisterOutcome.Missing m => Problems.NotFound($"No hazardous area has id {m.Id}."),
            RegisterOutcome.Forbidden f => Problems.Forbidden(f.Reason),
            RegisterOutcome.Stale s => Problems.PreconditionFailed(
                $"The area has changed since you read it (now version {s.CurrentVersion}); fetch it again and reapply your change."),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
}
