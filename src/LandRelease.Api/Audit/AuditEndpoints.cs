using System.Security.Claims;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Audit;

internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/audit").WithTags("Audit trail")
            .MapGet("/", List).RequireAuthorization(Policies.AuditReader);
        return routes;
    }

    /// <summary>
    /// The audit rows of one record, or the latest 1000 of a type. An administrator sees all; a national
    /// authority sees what happened in its countries.
    /// </summary>
    public static async Task<Results<Ok<AuditEntryResponse[]>, ValidationProblem>> List(string? entityType, Guid? entityId,
        LandReleaseDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var type = entityType?.Trim().ToUpperInvariant().Replace('-', '_');
        if (type is not null && !AuditEntityTypes.All.Contains(type))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["entityType"] = [$"entityType is one of {string.Join(", ", AuditEntityTypes.All)}."],
            });
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

        var entries = await query.OrderByDescending(e => e.Id).Take(1000).ToListAsync(ct);
        return TypedResults.Ok(entries.OrderBy(e => e.Id).Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor, e.ActorOrganisation,
            e.CountryCode, e.EntityType, e.EntityId, e.Action, Parse(e.Before), Parse(e.After), e.Reason)).ToArray());
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string? ActorOrganisation, string? CountryCode,
    string EntityType, Guid EntityId, string Action, JsonElement? Before, JsonElement? After, string? Reason);
