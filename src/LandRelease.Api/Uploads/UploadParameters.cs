using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;

namespace LandRelease.Api.Uploads;

/// <summary>What the sender says about an upload, from the query string or the form fields before the file.</summary>
internal sealed record UploadParameters(string CountryCode, string OrganisationCode, UploadKind Kind, string? Crs, bool Atomic,
    string? Layer)
{
    public static readonly string[] Names = ["country", "organisation", "kind", "crs", "atomic", "layer"];

    /// <summary>hazard-areas or activities, as the issue and the README spell them.</summary>
    public static string KindName(UploadKind kind) => WireName<UploadKind>.Of(kind).ToLowerInvariant().Replace('_', '-');

    /// <param name="defaultOrganisation">The organisation the sender's account or token acts for, when the request names none.</param>
    public static UploadParameters? Read(IReadOnlyDictionary<string, string?> values, string? defaultOrganisation,
        Dictionary<string, string[]> errors)
    {
        // Form fields are not checked by the query-string guard, and any of them may reach SQL.
        foreach (var (name, value) in values)
        {
            if (StorableText.Problem(value) is { } problem)
            {
                errors[name] = [problem];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var country = Domain.Countries.CountryCode.From(Value(values, "country"))?.Value;
        if (country is null or { Length: not 3 })
        {
            errors["country"] = ["country is required: the ISO 3166 alpha-3 code of the country the features lie in (e.g. KHM)."];
        }

        var organisation = (Value(values, "organisation") ?? defaultOrganisation)?.ToUpperInvariant();
        if (organisation is null or { Length: > 20 })
        {
            errors["organisation"] = ["organisation is required (your account acts for none): the code of the organisation that recorded the features."];
        }

        var kindText = Value(values, "kind");
        if (!WireName<UploadKind>.TryParse(kindText?.Replace('-', '_'), out var kind))
        {
            errors["kind"] = [$"kind is required: one of {string.Join(", ", Enum.GetValues<UploadKind>().Select(KindName))}."];
        }

        var crs = Value(values, "crs");
        if (crs is { Length: > 4000 })
        {
            errors["crs"] = ["crs is an EPSG code (EPSG:32648) or a WKT definition of at most 4000 characters."];
        }

        var atomic = false;
        if (Value(values, "atomic") is { } atomicText && !bool.TryParse(atomicText, out atomic))
        {
            errors["atomic"] = [$"atomic is true or false, not '{atomicText}'."];
        }

        var layer = Value(values, "layer");
        return errors.Count > 0 ? null : new UploadParameters(country!, organisation!, kind, crs, atomic, layer);
    }

    private static string? Value(IReadOnlyDictionary<string, string?> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
