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

public sealed record UploadListResponse(IReadOnlyList<UploadListItem> Uploads, string? Next);

/// <summary>GET /api/uploads: the uploads a user may read, newest first, a page at a time.</summary>
internal static class UploadListEndpoint
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    private static readonly string[] Parameters = ["mine", "limit", "cursor"];

    public static async Task<Results<Ok<UploadListResponse>, ValidationProblem>> List(HttpRequest request, bool? mine, int? limit,
        string? cursor, LandReleaseDbContext db, ClaimsPrincipal principal, CancellationToken ct)
    {
        var errors = QueryParameters.Unknown(request, Parameters);
        var pageSize = limit ?? DefaultLimit;
        if (pageSize is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit is between 1 and {MaxLimit}."];
        }

        Guid? before = null;
        if (cursor is not null)
        {
            if (Guid.TryParse(cursor, out var id))
            {
                before = id;
            }
            else
            {
                errors["cursor"] = ["cursor is not one this API issued; follow the 'next' link of the previous page."];
            }
        }

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

        var rows = await query.OrderByDescending(u => u.Id).Take(pageSize + 1).ToListAsync(ct);
        var items = rows.Take(pageSize).Select(ToItem).ToList();
        var next = rows.Count > pageSize
            ? $"/api/uploads?limit={pageSize}&cursor={items[^1].Id}" + (mine == true ? "&mine=true" : "")
            : null;
        return TypedResults.Ok(new UploadListResponse(items, next));
    }

    /// <summary>A national authority reads its countries' uploads; a field account, its organisation's in its countries.</summary>
    public static IQueryable<Upload> Visible(IQueryable<Upload> uploads, UserScope user) =>
        uploads.Visible(user.ReadableCountries, user.Is(Roles.NationalAuthority) ? null : user.Organisation ?? "");

    private static UploadListItem ToItem(Upload u) => new(u.Id, WireName<UploadState>.Of(u.State), UploadParameters.KindName(u.Kind),
        u.CountryCode, u.OrganisationCode, u.FileName, u.Format, u.Total, u.Accepted, u.Rejected, u.CreatedAt, u.CreatedBy,
        u.FinishedAt, $"/api/uploads/{u.Id}");
}

/// <summary>Query parameters a route does not take are named, never ignored (a typo would otherwise read as no filter).</summary>
internal static class QueryParameters
{
    public static Dictionary<string, string[]> Unknown(HttpRequest request, IReadOnlyCollection<string> known)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var name in request.Query.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            errors[name] = [$"'{name}' is not a parameter here; use {string.Join(", ", known)}."];
        }

        return errors;
    }
}
