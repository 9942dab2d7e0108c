using LandRelease.Domain.Uploads;

namespace LandRelease.Data.Uploads;

/// <summary>Which uploads a user reads, the same for the API's list and the pages.</summary>
public static class UploadQueries
{
    /// <param name="organisation">The organisation a field account acts for; null for a national authority, who reads
    /// every organisation's uploads in its countries.</param>
    public static IQueryable<Upload> Visible(this IQueryable<Upload> uploads, IReadOnlyCollection<string> countries, string? organisation)
    {
        var codes = countries.ToArray();
        var visible = uploads.Where(u => codes.Contains(u.CountryCode));
        return organisation is null ? visible : visible.Where(u => u.OrganisationCode == organisation);
    }
}
