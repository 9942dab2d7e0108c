using LandRelease.Data;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;
using LandRelease.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Api.Organisations;

public sealed class OrganisationRequest
{
    /// <summary>Short unique code: 2-20 of A-Z, 0-9 and '-', starting with a letter (e.g. CMAC, HALO-KHM).</summary>
    public string? Code { get; init; }

    public string? Name { get; init; }

    /// <summary>OPERATOR, NATIONAL_AUTHORITY or REGIONAL_BODY.</summary>
    public string? Kind { get; init; }

    /// <summary>ISO 3166 alpha-3 codes of the countries it works in.</summary>
    public string[]? Countries { get; init; }
}

public sealed record OrganisationResponse(Guid Id, string Code, string Name, string Kind, string[] Countries, DateTimeOffset CreatedAt)
{
    internal static OrganisationResponse From(Organisation o) =>
        new(o.Id, o.Code, o.Name, WireName<OrganisationKind>.Of(o.Kind), [.. o.Countries], o.CreatedAt);
}

internal static class OrganisationRequestValidator
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(OrganisationRequest request, LandReleaseDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (Organisation.CheckCode(request.Code) is { } codeViolation)
        {
            errors["code"] = [codeViolation.Message];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["name is required, at most 200 characters."];
        }

        if (!WireName<OrganisationKind>.TryParse(request.Kind, out _))
        {
            errors["kind"] = [$"kind is one of {string.Join(", ", WireName<OrganisationKind>.All)}."];
        }

        if (request.Countries is not { Length: > 0 })
        {
            errors["countries"] = ["countries lists at least one ISO 3166 alpha-3 code the organisation works in."];
        }
        else
        {
            var known = await db.Countries.Select(c => c.Code).ToListAsync(ct);
            var unknown = request.Countries.Select(c => CountryCode.Normalise(c ?? ""))
                .Where(c => !known.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                errors["countries"] = [$"Not a country this system serves: {string.Join(", ", unknown)}."];
            }
        }

        return errors;
    }
}
