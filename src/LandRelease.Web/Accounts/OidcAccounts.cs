using System.Security.Claims;
using LandRelease.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LandRelease.Web.Accounts;

/// <summary>
/// Keeps an account for each person the external provider signs in, its scope taken from the provider's claims
/// at every sign-in (the provider is the authority for role, countries and organisation). An administrator may
/// still disable the account here.
/// </summary>
public sealed class OidcAccounts(UserManager<Account> users, IOptions<OidcOptions> options, TimeProvider clock, ILogger<OidcAccounts> logger)
{
    public async Task<Account?> ProvisionAsync(ClaimsPrincipal external, CancellationToken ct)
    {
        var o = options.Value;
        var subject = external.FindFirstValue(TokenClaims.Subject);
        var role = external.FindAll(o.RoleClaim).Select(c => c.Value).FirstOrDefault(Roles.All.Contains);
        if (subject is null || role is null)
        {
            logger.LogWarning("External sign-in refused: subject {Subject} has no LandRelease role in claim {Claim}", subject, o.RoleClaim);
            return null;
        }

        ct.ThrowIfCancellationRequested();
        var account = await users.FindByLoginAsync(SignInSchemes.Oidc, subject);
        var isNew = account is null;
        if (account is null)
        {
            var name = external.FindFirstValue(o.NameClaim) ?? subject;
            account = new Account(await FreeNameAsync(name), clock.GetUtcNow());
        }

        account.Assign(role, external.FindAll(o.CountryClaim).Select(c => c.Value), external.FindFirstValue(o.OrganisationClaim));
        account.Describe(external.FindFirstValue(o.DisplayNameClaim) ?? account.DisplayName, account.Position);
        var saved = isNew ? await users.CreateAsync(account) : await users.UpdateAsync(account);
        if (saved.Succeeded && isNew)
        {
            saved = await users.AddLoginAsync(account, new UserLoginInfo(SignInSchemes.Oidc, subject, o.DisplayName));
        }

        if (!saved.Succeeded)
        {
            logger.LogWarning("External sign-in refused for {Subject}: {Errors}", subject, string.Join("; ", saved.Errors.Select(e => e.Description)));
            return null;
        }

        return account;
    }

    /// <summary>A provider's user name may already belong to a built-in account; the external person gets a suffixed one.</summary>
    private async Task<string> FreeNameAsync(string name)
    {
        var candidate = name;
        for (var i = 2; await users.FindByNameAsync(candidate) is not null; i++)
        {
            candidate = $"{name}-{i}";
        }

        return candidate;
    }
}
