using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Organisations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Organisations;

internal static class OrganisationEndpoints
{
    public static IEndpointRouteBuilder MapOrganisations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyUser).Documented("List organisations")
            .DocumentsQuery([QueryParameter.Country("organisations working in"), .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)]);
        group.MapGet("/{code}", Get).RequireAuthorization(Policies.AnyUser).Documented("Read an organisation", 404);
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).Documented("Create an organisation", 409);
        return routes;
    }

    /// <summary>Organisations by code, a page at a time.</summary>
    public static async Task<Results<Ok<ListResponse<OrganisationResponse>>, ValidationProblem>> List(string? country, int? limit,
        string? cursor, LandReleaseDbContext db, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(country))
        {
            var code = CountryCode.Normalise(country);
            query = query.Where(o => o.Countries.Contains(code));
        }

        if (cursor is not null)
        {
            // Codes are stored upper-case; the cursor is the last code of the previous page.
            query = query.Where(o => string.Compare(o.Code, cursor) > 0);
        }

        var page = await ListPaging.TakeAsync(query.OrderBy(o => o.Code), pageSize, o => o.Code, request, ct);
        return TypedResults.Ok(page.Map(OrganisationResponse.From));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> Get(
        string code, LandReleaseDbContext db, CancellationToken ct)
    {
        var normalised = code.Trim().ToUpperInvariant();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == normalised, ct);
        return organisation is null
            ? Problems.NotFound($"No organisation has the code '{code}'.")
            : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    public static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> Create(
        OrganisationRequest request, LandReleaseDbContext db, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = await OrganisationRequestValidator.ValidateAsync(request, db, ct);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = request.Code!.Trim().ToUpperInvariant();
        if (await db.Organisations.AnyAsync(o => o.Code == code, ct))
        {
            return Problems.Conflict($"An organisation with the code '{code}' already exists.");
        }

        var organisation = Organisation.Create(Guid.CreateVersion7(), code, request.Name!,
            WireName<OrganisationKind>.Parse(request.Kind!), request.Countries!, clock.GetUtcNow());
        db.Organisations.Add(organisation);
        db.AuditLog.Add(Domain.Audit.AuditEntry.Record(UserScope.From(user).Actor, organisation.CreatedAt, null,
            Audit.AuditEntityTypes.Organisation, organisation.Id, "CREATE", null, Audit.AuditSnapshots.Of(organisation), null));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organisations/{organisation.Code}", OrganisationResponse.From(organisation));
    }
}
