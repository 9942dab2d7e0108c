using LandRelease.Data.Accounts;
using LandRelease.Web.Accounts;

namespace LandRelease.Web.Components.Pages.Admin;

/// <summary>What the account forms post (countries as checkboxes: Input.Countries[KHM]=true).</summary>
public sealed class AccountForm
{
    public string? Name { get; set; }
    public string? DisplayName { get; set; }
    public string? Position { get; set; }
    public string Role { get; set; } = Roles.NationalAuthority;
    public string? Organisation { get; set; }
    public Dictionary<string, bool> Countries { get; set; } = [];
    public string? Password { get; set; }
    public bool Disabled { get; set; }

    public AccountInput ToInput(string name) => new(name, Role, [.. Countries.Where(c => c.Value).Select(c => c.Key)],
        Organisation, DisplayName, Position);

    public static AccountForm From(Account account) => new()
    {
        Name = account.UserName,
        DisplayName = account.DisplayName,
        Position = account.Position,
        Role = account.Role,
        Organisation = account.Organisation,
        Countries = account.Countries.ToDictionary(c => c, _ => true),
        Disabled = account.Disabled,
    };
}
