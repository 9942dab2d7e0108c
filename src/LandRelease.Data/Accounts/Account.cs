using LandRelease.Domain.Countries;
using Microsoft.AspNetCore.Identity;

namespace LandRelease.Data.Accounts;

/// <summary>
/// A person who signs in: a built-in account (password) or one provisioned by an external OpenID Connect
/// provider (a login row). Carries the same scope as a bearer token: one role, countries, organisation.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    private Account()
    {
    }

    public Account(string userName, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        UserName = userName;
        CreatedAt = createdAt;
        DisplayName = userName;
        LockoutEnabled = true;
    }

    public string Role { get; private set; } = "";
    public List<string> Countries { get; private set; } = [];
    public string? Organisation { get; private set; }
    public string DisplayName { get; private set; } = "";
    public string? Position { get; private set; }
    public bool Disabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public void Assign(string role, IEnumerable<string> countries, string? organisation)
    {
        Role = role;
        Countries = [.. countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(CountryCode.Normalise).Distinct().Order(StringComparer.Ordinal)];
        Organisation = string.IsNullOrWhiteSpace(organisation) ? null : organisation.Trim().ToUpperInvariant();
    }

    public void Describe(string? displayName, string? position)
    {
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? UserName ?? "" : displayName.Trim();
        Position = string.IsNullOrWhiteSpace(position) ? null : position.Trim();
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;
}
