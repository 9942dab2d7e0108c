using LandRelease.Api.Infrastructure;
using System.Security.Claims;
using LandRelease.Data;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Activities;

public sealed record ActivityListItem(Guid Id, string? LocalId, Guid HazardAreaId, string Country, string Type, string Organisation,
    string Status, DateOnly StartDate, DateOnly? EndDate, int Version, DateTimeOffset RecordedAt, string RecordedBy, string Href);

/// <summary>GET /api/activities: the activities a user may read, newest first, a page at a time (as every list: items, links).</summary>
internal static class ActivityListEndpoint
{
    public static async Task<Results<Ok<ListResponse<ActivityListItem>>, ValidationProblem>> List(bool? mine, int? limit,
        string? cursor, LandReleaseDbContext db, ClaimsPrincipal principal, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var before = ListPaging.ReadCursor<Guid>(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // A national authority reads its countries' activities; a field account, its organisation's in its countries.
        var user = UserScope.From(principal);
        var countries = user.ReadableCountries.ToArray();
        var query = db.Activities.AsNoTracking().Where(a => countries.Contains(a.CountryCode));
        if (!user.Is(Roles.NationalAuthority))
        {
            query = query.Where(a => a.OrganisationCode == user.Organisation);
        }

        if (mine == true)
        {
            query = query.Where(a => a.RecordedBy == user.Name);
        }

        if (before is { } b)
        {
            // Ids are UUIDv7, ordered by the time they were made: the newest first is the highest id first.
            query = query.Where(a => a.Id.CompareTo(b) < 0);
        }

        var rows = query.OrderByDescending(a => a.Id)
            .Select(a => new ActivityRow(a.Id, a.LocalId, a.HazardAreaId, a.CountryCode, a.Type, a.OrganisationCode, a.Status,
                a.StartDate, a.EndDate, a.Version, a.RecordedAt, a.RecordedBy));
        var page = await ListPaging.TakeAsync(rows, pageSize, a => a.Id.ToString(), request, ct);
        return TypedResults.Ok(page.Map(a => new ActivityListItem(a.Id, a.LocalId, a.HazardAreaId, a.CountryCode,
            WireName<ActivityType>.Of(a.Type), a.OrganisationCode, WireName<ActivityStatus>.Of(a.Status), a.StartDate, a.EndDate,
            a.Version, a.RecordedAt, a.RecordedBy, $"/api/activities/{a.Id}")));
    }

    private sealed record ActivityRow(Guid Id, string? LocalId, Guid HazardAreaId, string CountryCode, ActivityType Type,
        string OrganisationCode, ActivityStatus Status, DateOnly StartDate, DateOnly? EndDate, int Version, DateTimeOffset RecordedAt,
        string RecordedBy);
}
