using System.Globalization;
using LandRelease.Api.HazardAreas;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Infrastructure;

/// <summary>
/// limit + cursor for the API's lists, as the register's list and the OGC items page: keyset by the list's key,
/// one row more than asked to know whether a next page exists (a full last page has no dead link), and a "next"
/// link repeating the query with the cursor. No list is cut short without that link.
/// </summary>
internal static class ListPaging
{
    public const int DefaultLimit = 100;

    /// <summary>The largest page of every list; a larger limit is refused, naming it.</summary>
    public const int MaxLimit = 1000;

    public static int ReadLimit(int? limit, Dictionary<string, string[]> errors)
    {
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit is between 1 and {MaxLimit} (the largest page); follow the 'next' link for the rest."];
        }

        return limit ?? DefaultLimit;
    }

    /// <summary>The key to continue after; null with an error when the cursor is not one this API issued.</summary>
    public static T? ReadCursor<T>(string? cursor, Dictionary<string, string[]> errors) where T : struct, IParsable<T>
    {
        if (cursor is null)
        {
            return null;
        }

        if (T.TryParse(cursor, CultureInfo.InvariantCulture, out var key))
        {
            return key;
        }

        errors["cursor"] = ["cursor is not one this API issued; follow the 'next' link of the previous page."];
        return null;
    }

    /// <summary>A page of a query already filtered past the cursor and ordered by its key.</summary>
    public static async Task<Page<T>> TakeAsync<T>(IQueryable<T> ordered, int limit, Func<T, string> key, HttpRequest request,
        CancellationToken ct)
    {
        var rows = await ordered.Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(limit);
        }

        return new Page<T>(rows, more ? FeatureCollection.NextLink(request, key(rows[^1])) : null);
    }

    public sealed record Page<T>(List<T> Items, string? Next)
    {
        public ListResponse<TOut> Map<TOut>(Func<T, TOut> map) => ListResponse<TOut>.Of([.. Items.Select(map)], Next);
    }
}

/// <summary>A page of a list that is not GeoJSON: the items, their count, and a "next" link while more remain.</summary>
public sealed record ListResponse<T>(T[] Items, int NumberReturned, ListLink[] Links)
{
    internal static ListResponse<T> Of(T[] items, string? next) =>
        new(items, items.Length, next is null ? [] : [new ListLink("next", "application/json", next)]);
}

public sealed record ListLink(string Rel, string Type, string Href);
