using System.Security.Cryptography;
using LandRelease.Data;
using LandRelease.Data.Accounts;
using LandRelease.Domain.Countries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Web.Accounts;

/// <summary>What an account is given: its scope and how it is shown. The name (what one signs in with) never changes.</summary>
public sealed record AccountInput(
    string Name, string Role, IReadOnlyList<string> Countries, string? Organisation, string? DisplayName, string? Position);

/// <summary>
/// Creates and changes accounts for the admin page, the `user add` command and the demo accounts, with the same
/// checks for all three: a known role, countries and organisation that exist, the scope the role needs.
/// </summary>
public sealed class AccountAdmin(UserManager<Account> users, LandReleaseDbContext db, TimeProvider clock)
{
    public async Task<(Account? Account, IReadOnlyList<string> Errors)> CreateAsync(AccountInput input, string password, CancellationToken ct)
    {
        var errors = await CheckAsync(input, ct);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 64)
        {
            errors.Insert(0, "A name of 1 to 64 characters is needed.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var account = new Account(input.Name.Trim(), clock.GetUtcNow());
        account.Assign(input.Role, input.Countries, input.Organisation);
        account.Describe(input.DisplayName, input.Position);
        var created = await users.CreateAsync(account, password);
        return created.Succeeded ? (account, []) : (null, [.. created.Errors.Select(Describe)]);
    }

    public async Task<IReadOnlyList<string>> UpdateAsync(Account account, AccountInput input, bool disabled, CancellationToken ct)
    {
        var errors = await CheckAsync(input, ct);
        if (errors.Count > 0)
        {
            return errors;
        }

        var scopeChanged = account.Role != input.Role || account.Disabled != disabled
            || !account.Countries.SequenceEqual(Normalised(input.Countries)) || account.Organisation != Upper(input.Organisation);
        account.Assign(input.Role, input.Countries, input.Organisation);
        account.Describe(input.DisplayName, input.Position);
        if (disabled)
        {
            account.Disable();
        }
        else
        {
            account.Enable();
        }

        var updated = await users.UpdateAsync(account);
        // A new security stamp ends sessions still carrying the old scope at their next check.
        if (updated.Succeeded && scopeChanged)
        {
            updated = await users.UpdateSecurityStampAsync(account);
        }

        return updated.Succeeded ? [] : [.. updated.Errors.Select(Describe)];
    }

    public async Task<IReadOnlyList<string>> SetPasswordAsync(Account account, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var reset = await users.ResetPasswordAsync(account, token, password);
        return reset.Succeeded ? [] : [.. reset.Errors.Select(Describe)];
    }

    /// <summary>Five groups of four letters and digits (about 100 bits), easy to read out and type.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(alphabet, 4));
        return string.Join('-', groups);
    }

    private async Task<List<string>> CheckAsync(AccountInput input, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!Roles.All.Contains(input.Role))
        {
            errors.Add($"Role must be one of {string.Join(", ", Roles.All)}.");
        }

        var countries = Normalised(input.Countries);
        var known = await db.Countries.Where(c => countries.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        errors.AddRange(countries.Except(known).Select(c => $"Country {c} is not one of the ten ASEAN states."));
        if (input.Role is Roles.NationalAuthority or Roles.FieldOperator && countries.Count == 0)
        {
            errors.Add($"A {RoleNames.Label(input.Role).ToLowerInvariant()} works in at least one country.");
        }

        var organisation = Upper(input.Organisation);
        if (organisation is not null && !await db.Organisations.AnyAsync(o => o.Code == organisation, ct))
        {
            errors.Add($"Organisation {organisation} is not registered.");
        }

        if (input.Role == Roles.FieldOperator && organisation is null)
        {
            errors.Add("A field operator records in the name of an organisation; give one.");
        }

        return errors;
    }

    private static List<string> Normalised(IEnumerable<string> countries) =>
        [.. countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(CountryCode.Normalise).Distinct().Order(StringComparer.Ordinal)];

    private static string? Upper(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();

    private static string Describe(IdentityError error) => error.Description;
}
