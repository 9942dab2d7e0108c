using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.HazardAreas;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

internal static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivities(this IEndpointRouteBuilder routes)
    {
        // Activities carry the coordinates of uncleared land: only the register's own users read them.
        var group = routes.MapGroup("/api").WithTags("Activities");
        group.MapPost("/hazard-areas/{id:guid}/activities", Create).RequireAuthorization(Policies.RegisterWriter)
            .WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Accepts<ActivityFeatureRequest>("application/geo+json", "application/json")
            .Produces<ActivityFeature>(StatusCodes.Status201Created, GeoJsonResult<ActivityFeature>.MediaType)
            .Documented("Record an activity on a hazardous area", 403, 404, 409, 422).AnswersCreatedOnly();
        group.MapGet("/hazard-areas/{id:guid}/activities", List).RequireAuthorization(Policies.RegisterReader)
            .Documented("List a hazardous area's activities", 404).DocumentsQuery(QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit));
        group.MapGet("/activities", ActivityListEndpoint.List).RequireAuthorization(Policies.RegisterReader).Documented("List activities")
            .DocumentsQuery([new("mine", "true: only the activities you recorded."), .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)])
            .WithDescription("The activities you may read, newest first: your organisation's (field accounts) or your countries' (national authorities).");
        group.MapGet("/activities/{id:guid}", Get).RequireAuthorization(Policies.RegisterReader).Documented("Read an activity", 404).Produces(StatusCodes.Status304NotModified);
        group.MapGet("/activities/{id:guid}/history", History).RequireAuthorization(Policies.RegisterReader).Documented("Read an activity's versions", 404);
        group.MapPut("/activities/{id:guid}", Revise).RequireAuthorization(Policies.RegisterWriter)
            .WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Accepts<ActivityFeatureRequest>("application/geo+json", "application/json")
            .Documented("Revise an activity", 403, 404, 409, 412, 422, 428);
        group.MapPost("/activities/{id:guid}/decisions", DraftDecisions).RequireAuthorization(Policies.RegisterWriter)
            .Documented("Draft release decisions from a completed activity", 403, 404, 409, 422);
        return routes;
    }

    public static async Task<Results<GeoJsonResult<ActivityFeature>, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, [FromBody] ActivityFeatureRequest? request, ActivityRegister register, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await register.RecordAsync(request, AreaReference.ById(id), UserScope.From(user), ActivityWriteMode.CreateOnly, ct);
        return outcome is ActivityOutcome.Stored stored
            ? Stored(stored, StatusCodes.Status201Created)
            : ActivityResults.Failure<GeoJsonResult<ActivityFeature>>(outcome);
    }

    public static async Task<Results<GeoJsonResult<ActivityFeature>, ValidationProblem, ProblemHttpResult>> Revise(
        Guid id, [FromBody] ActivityFeatureRequest? request, [FromHeader(Name = "If-Match")] string? ifMatch,
        ActivityRegister register, ClaimsPrincipal user, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ETags.IsWildcard(ifMatch))
        {
            return Problems.PreconditionRequired(
                "Send If-Match with the ETag of the version you edited, so a concurrent change is never overwritten.");
        }

        if (ETags.ParseIfMatch(ifMatch) is not { } expected)
        {
            return Problems.PreconditionFailed($"If-Match {ifMatch} does not name a current version of this activity (weak tags never match a write).");
        }

        var outcome = await register.ReviseAsync(id, expected, request, UserScope.From(user), ct);
        return outcome is ActivityOutcome.Stored stored
            ? Stored(stored, StatusCodes.Status200OK)
            : ActivityResults.Failure<GeoJsonResult<ActivityFeature>>(outcome);
    }

    public static async Task<Results<GeoJsonResult<ActivityFeature>, ProblemHttpResult, StatusCodeHttpResult>> Get(
        Guid id, LandReleaseDbContext db, HttpContext http, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !UserScope.From(http.User).CanRead(activity.CountryCode))
        {
            return Problems.NotFound($"No activity has id {id}.");
        }

        var etag = ETags.For(activity.Version);
        if (ETags.NoneMatchHits(http.Request.Headers.IfNoneMatch.ToString(), activity.Version))
        {
            http.Response.Headers.ETag = etag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new GeoJsonResult<ActivityFeature>(ActivityJson.Write(activity)) { ETag = etag };
    }

    /// <summary>An area's activities by id (the order they were recorded in), a page at a time.</summary>
    public static async Task<Results<GeoJsonResult<ActivityFeatureCollection>, ValidationProblem, ProblemHttpResult>> List(
        Guid id, int? limit, string? cursor, LandReleaseDbContext db, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var after = ListPaging.ReadCursor<Guid>(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var country = await db.HazardAreas.Where(a => a.Id == id).Select(a => a.CountryCode).FirstOrDefaultAsync(ct);
        if (country is null || !UserScope.From(user).CanRead(country))
        {
            return Problems.NotFound($"No hazardous area has id {id}.");
        }

        var query = db.Activities.AsNoTracking().AsSplitQuery().Where(a => a.HazardAreaId == id);
        if (after is { } last)
        {
            query = query.Where(a => a.Id.CompareTo(last) > 0);
        }

        var activities = await query.OrderBy(a => a.Id).Take(pageSize + 1).ToListAsync(ct);
        var more = activities.Count > pageSize;
        var shown = activities.Take(pageSize).ToList();
        var page = new FeaturePage([.. shown.Select(ActivityJson.Write)], more ? shown[^1].Id : null);
        return new GeoJsonResult<ActivityFeatureCollection>(FeatureCollection.Write(page, request));
    }

    public static async Task<Results<GeoJsonResult<ActivityFeatureCollection>, ProblemHttpResult>> History(
        Guid id, LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var country = await db.Activities.Where(a => a.Id == id).Select(a => a.CountryCode).FirstOrDefaultAsync(ct);
        if (country is null || !UserScope.From(user).CanRead(country))
        {
            return Problems.NotFound($"No activity has id {id}.");
        }

        var versions = await db.ActivityVersions.AsNoTracking().Where(v => v.ActivityId == id).OrderBy(v => v.Version)
            .Select(v => v.Feature).ToListAsync(ct);
        return new GeoJsonResult<ActivityFeatureCollection>(FeatureCollection.Write(new FeaturePage(versions, null), null));
    }

    public static async Task<Results<Ok<ActivityDecisionsResponse>, ValidationProblem, ProblemHttpResult>> DraftDecisions(
        Guid id, ActivityDecisions decisions, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await decisions.DraftAsync(id, UserScope.From(user), ct);
        return outcome is ActivityOutcome.Drafted drafted
            ? TypedResults.Ok(new ActivityDecisionsResponse(drafted.ActivityId, [.. drafted.Decisions]))
            : ActivityResults.Failure<Ok<ActivityDecisionsResponse>>(outcome);
    }

    private static GeoJsonResult<ActivityFeature> Stored(ActivityOutcome.Stored stored, int status) =>
        new(ActivityJson.WithWarnings(stored.Feature, stored.Warnings), status)
        {
            Location = $"/api/activities/{stored.Id}",
            ETag = ETags.For(stored.Version),
        };
}
