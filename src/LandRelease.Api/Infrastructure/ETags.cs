using Microsoft.Net.Http.Headers;

namespace LandRelease.Api.Infrastructure;

/// <summary>Strong ETags from the row version, which is also the optimistic-concurrency token.</summary>
internal static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names, or null when it names none we issued.</summary>
    public static int? ParseIfMatch(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag))
        {
            return null;
        }

        var value = tag.Tag.Value?.Trim('"');
        return int.TryParse(value, out var version) ? version : null;
    }
}
