using System.Security.Claims;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;

namespace LandRelease.Web.Access;

/// <summary>What the authenticated user may reach: roles, the countries of the token, the organisation they act for.</summary>
public sealed class UserScope
{
    private UserScope(string name, string? organisation, IReadOnlySet<string> roles, IReadOnlySet<string> countries)
    {
        Name = name;
        Organisation = organisation;
        Roles = roles;
        Countries = countries;
    }

    public string Name { get; }
    public string? Organisation { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlySet<string> Countries { get; }

    public Actor Actor => new(Name, Organisation);

    public static UserScope From(ClaimsPrincipal user) => new(
        user.FindFirstValue(TokenClaims.Name) ?? user.FindFirstValue(TokenClaims.Subject) ?? "anonymous",
        user.FindFirstValue(TokenClaims.Organisation)?.Trim().ToUpperInvariant(),
        user.FindAll(TokenClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindAll(TokenClaims.Country).Select(c => CountryCode.Normalise(c.Value)).ToHashSet(StringComparer.Ordinal));

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Countries whose register (with coordinates) this user may read.</summary>
    public IReadOnlyList<string> ReadableCountries =>
        Is(Access.Roles.FieldOperator) || Is(Access.Roles.NationalAuthority) ? [.. Countries.Order(StringComparer.Ordinal)] : [];

    public bool CanRead(string countryCode) => ReadableCountries.Contains(countryCode);

    /// <summary>
    /// A national authority maintains its whole country's register; a field operator only records made in
    /// its own organisation's name, in the countries of its token.
    /// </summary>
    public bool CanWrite(string countryCode, string organisationCode) =>
        Countries.Contains(countryCode)
        && (Is(Access.Roles.NationalAuthority)
            || (Is(Access.Roles.FieldOperator) && string.Equals(Organisation, organisationCode, StringComparison.Ordinal)));
}

/// <summary>Claim names in LandRelease tokens; an identity provider maps its own onto these.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Country = "country";
    public const string Organisation = "org";
}
