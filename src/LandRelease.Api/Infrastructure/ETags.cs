using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Infrastructure;

/// <summary>Strong ETags from the row version, which is also the optimistic-concurrency token (RFC 9110 §8.8.3, §13.1).</summary>
internal static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>
    /// The version a single strong If-Match tag names, or null. Weak tags never match for a write
    /// (strong comparison), and "*" is refused by the caller: it would overwrite whatever is there.
    /// </summary>
    public static int? ParseIfMatch(string header)
    {
        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak)
        {
            return null;
        }

        return int.TryParse(tag.Tag.Value?.Trim('"'), out var version) ? version : null;
    }

    public static bool IsWildcard(string header) => header.Trim() == "*";

    /// <summary>Weak comparison over a list of tags, as If-None-Match asks.</summary>
    public static bool NoneMatchHits(string? header, int version)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        if (IsWildcard(header))
        {
            return true;
        }

        return EntityTagHeaderValue.TryParseList([header], out var tags)
            && tags.Any(t => t.Tag.Value?.Trim('"') == version.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
