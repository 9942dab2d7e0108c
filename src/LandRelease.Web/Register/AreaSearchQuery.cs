using LandRelease.Data.HazardAreas;
using Microsoft.AspNetCore.WebUtilities;

namespace LandRelease.Web.Register;

/// <summary>
/// The register browser's search form as it arrives in the address: the same names and checks as
/// GET /api/hazard-areas (<see cref="HazardAreaSearch"/>), so a search can be repeated against the API as it is.
/// </summary>
public sealed record AreaSearchQuery(string? Country, string? LocalId, string? Name, string? Status, string? Organisation,
    string? Classification, string? Bbox, string? Cursor)
{
    public HazardAreaSearch ToSearch() => new(Blank(Country), Blank(Status), Blank(Bbox), RegisterAssets.PageSize, Blank(Cursor))
    {
        LocalId = Blank(LocalId), Name = Blank(Name), Organisation = Blank(Organisation), Classification = Blank(Classification),
    };

    public bool IsEmpty => ToSearch() is { Country: null, Status: null, Bbox: null, LocalId: null, Name: null, Organisation: null, Classification: null };

    /// <summary>This search at another page (null: the first).</summary>
    public string Link(string? cursor)
    {
        var query = new Dictionary<string, string?>
        {
            ["country"] = Blank(Country), ["localId"] = Blank(LocalId), ["name"] = Blank(Name), ["status"] = Blank(Status),
            ["organisation"] = Blank(Organisation), ["classification"] = Blank(Classification), ["bbox"] = Blank(Bbox), ["cursor"] = cursor,
        };
        return QueryHelpers.AddQueryString("/areas", query.Where(q => q.Value is not null));
    }

    /// <summary>The same search through the API, for scripts and GIS.</summary>
    public string ApiLink() => "/api/hazard-areas" + Link(null)["/areas".Length..];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
