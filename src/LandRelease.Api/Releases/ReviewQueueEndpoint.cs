using System.Security.Claims;
using System.Text;
using LandRelease.Api.HazardAreas;
using LandRelease.Api.Infrastructure;
using LandRelease.Data;
using LandRelease.Data.Releases;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Releases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace LandRelease.Api.Releases;

/// <summary>A submitted decision waiting for review, as the queue lists it.</summary>
public sealed record ReviewQueueItem(Guid Id, string Country, string AreaLocalId, string AreaName, string Operator, string OperatorName,
    DateTimeOffset? SubmittedAt, string Kind, double AreaSqm, DateOnly DateOfInformation, string Href);

/// <summary>
/// GET /api/release-decisions/queue: the review queue of the page /review through the API, the caller's countries' submitted
/// decisions sorted by <c>sort</c> (submitted, localId, operator, kind, area) and <c>dir</c>, a page at a time (keyset:
/// the cursor holds the sort, the last row's value and id).
/// </summary>
internal static class ReviewQueueEndpoint
{
    private static readonly Dictionary<string, QueueSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["submitted"] = QueueSort.Submitted,
        ["localId"] = QueueSort.LocalId,
        ["operator"] = QueueSort.Organisation,
        ["kind"] = QueueSort.Kind,
        ["area"] = QueueSort.Area,
    };

    public static async Task<Results<Ok<ListResponse<ReviewQueueItem>>, ValidationProblem, ProblemHttpResult>> Queue(
        string? sort, string? dir, string? country, int? limit, string? cursor, LandReleaseDbContext db, ClaimsPrincipal user,
        HttpRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ListPaging.ReadLimit(limit, errors);
        var column = QueueSort.Submitted;
        if (sort is not null && !Sorts.TryGetValue(sort, out column))
        {
            errors["sort"] = [$"sort is one of {string.Join(", ", Sorts.Keys)}, not '{sort}'."];
        }

        if (dir is not (null or "asc" or "desc"))
        {
            errors["dir"] = [$"dir is asc or desc, not '{dir}'."];
        }

        var after = errors.ContainsKey("sort") ? null : ReadCursor(cursor, column, errors);
        string? code = null;
        if (country is not null && CountryCode.From(country) is not { IsWellFormed: true })
        {
            errors["country"] = [$"'{country}' is not an ISO 3166 alpha-3 country code."];
        }
        else if (country is not null)
        {
            code = CountryCode.Normalise(country);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var scope = UserScope.From(user);
        if (code is not null && !scope.CanRead(code))
        {
            return Problems.Forbidden($"Your account reviews the decisions of {string.Join(", ", scope.Countries)} only, not {code}'s.");
        }

        IReadOnlyList<string> countries = code is null ? scope.ReadableCountries : [code];
        var rows = await ReviewQueueKeyset.AfterAsync(db, countries, column, dir == "desc", after, pageSize + 1, ct);
        var next = rows.Count > pageSize ? FeatureCollection.NextLink(request, Cursor(column, ReviewQueueKeyset.KeyOf(rows[pageSize - 1], column))) : null;
        return TypedResults.Ok(ListResponse<ReviewQueueItem>.Of([.. rows.Take(pageSize).Select(ToItem)], next));
    }

    private static ReviewQueueItem ToItem(QueuedDecision d) => new(d.Id, d.CountryCode, d.AreaLocalId, d.AreaName, d.OrganisationCode,
        d.OrganisationName, d.SubmittedAt, WireName<ReleaseKind>.Of(d.Kind), d.AreaSqm, d.DateOfInformation, $"/api/release-decisions/{d.Id}");

    private static string Cursor(QueueSort sort, QueueKey key) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{sort}\n{key.Id}\n{key.Value}"));

    private static QueueKey? ReadCursor(string? cursor, QueueSort sort, Dictionary<string, string[]> errors)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('\n', 3);
            if (parts.Length == 3 && parts[0] == sort.ToString() && Guid.TryParse(parts[1], out var id) && ReviewQueueKeyset.TryRead(sort, parts[2]))
            {
                return new QueueKey(parts[2], id);
            }
        }
        catch (FormatException)
        {
        }

        errors["cursor"] = ["cursor is not one this API issued for this sort; follow the 'next' link of the previous page."];
        return null;
    }
}
