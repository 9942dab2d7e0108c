using System.Text.RegularExpressions;
using LandRelease.Domain.Common;
using LandRelease.Domain.Countries;

namespace LandRelease.Domain.Organisations;

public enum OrganisationKind
{
    Operator,
    NationalAuthority,
    RegionalBody,
}

/// <summary>An operator (NGO, national centre, company), a national authority or a regional body.</summary>
public sealed partial class Organisation
{
    public const string CodeRule = "organisation-code";

    private Organisation()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Short, stable, upper-case code (CMAC, HALO-KHM) that uploads and tokens refer to.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }

    /// <summary>ISO 3166 alpha-3 codes of the countries it works in.</summary>
    public List<string> Countries { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static Organisation Create(Guid id, string code, string name, OrganisationKind kind,
        IEnumerable<string> countries, DateTimeOffset createdAt) => new()
        {
            Id = id,
            Code = code.Trim().ToUpperInvariant(),
            Name = name.Trim(),
            Kind = kind,
            Countries = [.. countries.Select(CountryCode.Normalise).Distinct().Order()],
            CreatedAt = createdAt,
        };

    public bool WorksIn(string countryCode) => Countries.Contains(countryCode);

    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code.Trim().ToUpperInvariant());

    public static RuleViolation? CheckCode(string? code) => IsValidCode(code)
        ? null
        : new RuleViolation(CodeRule, "code",
            "An organisation code is 2 to 20 characters: letters A-Z, digits and '-', starting with a letter.");

    [GeneratedRegex("^[A-Z][A-Z0-9-]{1,19}$")]
    private static partial Regex CodePattern();
}
