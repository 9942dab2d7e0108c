using System.Security.Claims;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Releases;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Releases;

internal static class ReleaseDecisionEndpoints
{
    public static IEndpointRouteBuilder MapReleaseDecisions(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/release-decisions").WithTags("Release decisions");
        group.MapPost("/", Create).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Documented("Draft a release decision", 403, 422);
        group.MapGet("/", List).RequireAuthorization(Policies.RegisterReader).Documented("List release decisions")
            .DocumentsQuery([QueryParameter.Country("decisions"), new("hazardAreaId", "Only the decisions on this hazardous area."),
                QueryParameter.OneOf("state", "Only decisions in this workflow state.", WireName<DecisionState>.All),
                .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)]);
        group.MapGet("/queue", ReviewQueueEndpoint.Queue).RequireAuthorization(Policies.NationalAuthority)
            .Documented("List the decisions awaiting review", 403)
            .DocumentsQuery([QueryParameter.OneOf("sort", "The column to sort by (default submitted).", ["submitted", "localId", "operator", "kind", "area"]),
                QueryParameter.OneOf("dir", "Ascending or descending (default asc).", ["asc", "desc"]), QueryParameter.Country("decisions"),
                .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)])
            .WithDescription("Submitted decisions of the caller's countries with their area's local id and name, operator, submitted date, kind and m², sorted and paged; the cursor carries its sort.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.RegisterReader).Documented("Read a release decision", 404);
        group.MapPut("/{id:guid}", Edit).RequireAuthorization(Policies.RegisterWriter).WithBodyLimit(RequestLimits.FeatureBodyBytes)
            .Documented("Edit a draft release decision", 403, 404, 409, 422);
        group.MapGet("/{id:guid}/events", Events).RequireAuthorization(Policies.RegisterReader).Documented("List a release decision's workflow events", 404);
        group.MapGet("/{id:guid}/preview", Preview).RequireAuthorization(Policies.RegisterReader)
            .Documented("Preview what approving a release decision would credit", 404);
        group.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.RegisterWriter).Documented("Submit a release decision for review", 403, 404, 409, 422);
        group.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.NationalAuthority).Documented("Approve a release decision", 404, 409, 422);
        group.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(Policies.NationalAuthority).Documented("Reject a release decision", 404, 409, 422);
        group.MapPost("/{id:guid}/certify", Certify).RequireAuthorization(Policies.NationalAuthority).Documented("Certify a release decision", 404, 409, 422);
        group.MapPost("/{id:guid}/hand-over", HandOver).RequireAuthorization(Policies.NationalAuthority).Documented("Hand over released land", 404, 409, 422);
        group.MapPost("/{id:guid}/revoke", Revoke).RequireAuthorization(Policies.NationalAuthority).Documented("Revoke a release decision", 404, 409, 422);
        return routes;
    }

    public static async Task<Results<Created<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Create(
        ReleaseDecisionRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await decisions.DraftAsync(request, UserScope.From(user), ct);
        return outcome is DecisionOutcome.Done done
            ? TypedResults.Created($"/api/release-decisions/{done.Decision.Id}", ReleaseDecisionFeature.From(done.Decision))
            : Failure<Created<ReleaseDecisionFeature>>(outcome);
    }

    public static async Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid id, ReleaseDecisionRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        Respond(await decisions.EditAsync(id, request, UserScope.From(user), ct));

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Submit(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.Submit, request, decisions, user, ct);

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Approve(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.Approve, request, decisions, user, ct);

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Reject(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.Reject, request, decisions, user, ct);

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Certify(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.Certify, request, decisions, user, ct);

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> HandOver(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.HandOver, request, decisions, user, ct);

    public static Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, [FromBody] WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        MoveAsync(id, WorkflowAction.Revoke, request, decisions, user, ct);

    public static async Task<Results<Ok<ReleaseDecisionFeature>, ProblemHttpResult>> Get(
        Guid id, LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var decision = await db.ReleaseDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return decision is not null && UserScope.From(user).CanRead(decision.CountryCode)
            ? TypedResults.Ok(ReleaseDecisionFeature.From(decision))
            : Problems.NoSuch("release decision", id);
    }

    /// <summary>Decisions in the caller's countries by id (creation order), a page at a time.</summary>
    public static async Task<Results<Ok<ReleaseDecisionFeatureCollection>, ValidationProblem>> List(
        Guid? hazardAreaId, string? state, string? country, int? limit, string? cursor, LandReleaseDbContext db, ClaimsPrincipal user,
        HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var after = ListPaging.ReadCursor<Guid>(cursor, errors);
        DecisionState? wanted = null;
        if (state is not null)
        {
            if (WireName<DecisionState>.TryParse(state, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors["state"] = [$"state is one of {string.Join(", ", WireName<DecisionState>.All)}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var visible = UserScope.From(user).ReadableCountries;
        var query = db.ReleaseDecisions.AsNoTracking().Where(d => visible.Contains(d.CountryCode));
        if (hazardAreaId is { } areaId)
        {
            query = query.Where(d => d.HazardAreaId == areaId);
        }

        if (country is not null)
        {
            var code = CountryCode.Normalise(country);
            query = query.Where(d => d.CountryCode == code);
        }

        if (wanted is { } s)
        {
            query = query.Where(d => d.State == s);
        }

        if (after is { } last)
        {
            query = query.Where(d => d.Id.CompareTo(last) > 0);
        }

        var page = await ListPaging.TakeAsync(query.OrderBy(d => d.Id), pageSize, d => d.Id.ToString(), request, ct);
        var features = page.Items.Select(ReleaseDecisionFeature.From).ToArray();
        return TypedResults.Ok(new ReleaseDecisionFeatureCollection("FeatureCollection", features, features.Length,
            page.Next is null ? [] : [new ListLink("next", "application/json", page.Next)]));
    }

    /// <summary>What approving the decision would credit, computed by the statement the approval runs.</summary>
    public static async Task<Results<Ok<ReleasePreviewResponse>, ProblemHttpResult>> Preview(
        Guid id, LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var country = await db.ReleaseDecisions.Where(d => d.Id == id).Select(d => d.CountryCode).FirstOrDefaultAsync(ct);
        if (country is null || !UserScope.From(user).CanRead(country) || await ReleasePreviews.OfAsync(db, id, ct) is not { } preview)
        {
            return Problems.NoSuch("release decision", id);
        }

        return TypedResults.Ok(ReleasePreviewResponse.From(preview));
    }

    public static async Task<Results<Ok<DecisionEventResponse[]>, ProblemHttpResult>> Events(
        Guid id, LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var country = await db.ReleaseDecisions.Where(d => d.Id == id).Select(d => d.CountryCode).FirstOrDefaultAsync(ct);
        if (country is null || !UserScope.From(user).CanRead(country))
        {
            return Problems.NoSuch("release decision", id);
        }

        var events = await db.DecisionEvents.AsNoTracking().Where(e => e.DecisionId == id).OrderBy(e => e.Id).ToListAsync(ct);
        return TypedResults.Ok(events.Select(DecisionEventResponse.From).ToArray());
    }

    private static async Task<Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, WorkflowAction action, WorkflowRequest? request, ReleaseDecisionService decisions, ClaimsPrincipal user,
        CancellationToken ct) =>
        Respond(await decisions.MoveAsync(id, action, request, UserScope.From(user), ct));

    private static Results<Ok<ReleaseDecisionFeature>, ValidationProblem, ProblemHttpResult> Respond(DecisionOutcome outcome) =>
        outcome is DecisionOutcome.Done done
            ? TypedResults.Ok(ReleaseDecisionFeature.From(done.Decision))
            : Failure<Ok<ReleaseDecisionFeature>>(outcome);

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Failure<TOk>(DecisionOutcome outcome) where TOk : IResult =>
        outcome switch
        {
            DecisionOutcome.Malformed m => TypedResults.ValidationProblem(m.Errors),
            DecisionOutcome.Rejected r => Problems.Unprocessable(r.Violations, r.GeometryErrors),
            DecisionOutcome.AlreadyReleased a => Problems.AlreadyReleased(a.Message, a.EarlierDecisionIds),
            DecisionOutcome.Missing m => Problems.NotFound(m.What),
            DecisionOutcome.Forbidden f => Problems.Forbidden(f.Reason),
            DecisionOutcome.IllegalMove i => Problems.IllegalMove(i.Message, WireName<DecisionState>.Of(i.State), i.Allowed),
            _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
        };
}
