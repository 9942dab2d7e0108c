using System.Security.Claims;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/audit").WithTags("Audit trail")
            .MapGet("/", List).RequireAuthorization(Policies.AuditReader).Documented("List audit entries")
            .DocumentsQuery([QueryParameter.OneOf("entityType", "Only entries about records of this type.", AuditEntityTypes.All), new("entityId", "Only entries about this record."), .. QueryParameter.Paging(ListPaging.DefaultLimit, ListPaging.MaxLimit)]);
        return routes;
    }

    /// <summary>
    /// The audit rows of one record or of a type, oldest first, a page at a time. An administrator sees all; a
    /// national authority sees what happened in its countries.
    /// </summary>
    public static async Task<Results<Ok<ListResponse<AuditEntryResponse>>, ValidationProblem>> List(string? entityType, Guid? entityId,
        int? limit, string? cursor, LandReleaseDbContext db, ClaimsPrincipal user, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var after = ListPaging.ReadCursor<long>(cursor, errors);
        var type = entityType?.Trim().ToUpperInvariant().Replace('-', '_');
        if (type is not null && !AuditEntityTypes.All.Contains(type))
        {
            errors["entityType"] = [$"entityType is one of {string.Join(", ", AuditEntityTypes.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = UserScope.From(user);
        var query = db.AuditLog.AsNoTracking();
        if (!scope.Is(Roles.Admin))
        {
            var countries = scope.Countries.ToList();
            query = query.Where(e => e.CountryCode != null && countries.Contains(e.CountryCode));
        }

        if (type is not null)
        {
            query = query.Where(e => e.EntityType == type);
        }

        if (entityId is { } id)
        {
            query = query.Where(e => e.EntityId == id);
        }

        if (after is { } last)
        {
            query = query.Where(e => e.Id > last);
        }

        var page = await ListPaging.TakeAsync(query.OrderBy(e => e.Id), pageSize,
            e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), request, ct);
        return TypedResults.Ok(page.Map(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.ActorOrganisation,
            e.CountryCode, e.EntityType, e.EntityId, e.Action, Parse(e.Before), Parse(e.After), e.Reason)));
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string? ActorOrganisation, string? CountryCode,
    string EntityType, Guid EntityId, string Action, JsonElement? Before, JsonElement? After, string? Reason);
