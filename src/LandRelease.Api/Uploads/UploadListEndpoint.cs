using LandRelease.Api.Infrastructure;
using System.Security.Claims;
using LandRelease.Data;
using LandRelease.Data.Uploads;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Uploads;

/// <summary>One upload in a list: what was sent, by whom, and how it ended.</summary>
public sealed record UploadListItem(Guid Id, string State, string Kind, string Country, string Organisation, string? FileName,
    string? Format, int Total, int Accepted, int Rejected, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? FinishedAt,
    string Href);

/// <summary>GET /api/uploads: the uploads a user may read, newest first, a page at a time (as every list: items, links).</summary>
internal static class UploadListEndpoint
{
    public static async Task<Results<Ok<ListResponse<UploadListItem>>, ValidationProblem>> List(bool? mine, int? limit,
        string? cursor, LandReleaseDbContext db, ClaimsPrincipal principal, HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var before = ListPaging.ReadCursor<Guid>(cursor, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = UserScope.From(principal);
        var query = Visible(db.Uploads.AsNoTracking(), user);
        if (mine == true)
        {
            query = query.Where(u => u.CreatedBy == user.Name);
        }

        if (before is { } b)
        {
            // Ids are UUIDv7, ordered by the time they were made: the newest first is the highest id first.
            query = query.Where(u => u.Id.CompareTo(b) < 0);
        }

        var page = await ListPaging.TakeAsync(query.OrderByDescending(u => u.Id), pageSize, u => u.Id.ToString(), request, ct);
        return TypedResults.Ok(page.Map(ToItem));
    }

    /// <summary>A national authority reads its countries' uploads; a field account, its organisation's in its countries.</summary>
    public static IQueryable<Upload> Visible(IQueryable<Upload> uploads, UserScope user) =>
        uploads.Visible(user.ReadableCountries, user.Is(Roles.NationalAuthority) ? null : user.Organisation ?? "");

    private static UploadListItem ToItem(Upload u) => new(u.Id, WireName<UploadState>.Of(u.State), UploadParameters.KindName(u.Kind),
        u.CountryCode, u.OrganisationCode, u.FileName, u.Format, u.Total, u.Accepted, u.Rejected, u.CreatedAt, u.CreatedBy,
        u.FinishedAt, $"/api/uploads/{u.Id}");
}
