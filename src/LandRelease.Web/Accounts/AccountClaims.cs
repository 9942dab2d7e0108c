using System.Security.Claims;
using LandRelease.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LandRelease.Web.Accounts;

/// <summary>
/// An account's principal carries the claims of a bearer token (sub, name, role, country, org), so one set of
/// policies and one <see cref="UserScope"/> decide for the cookie, a personal token and a JWT alike.
/// </summary>
public sealed class AccountClaims(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    public const string DisplayName = "display_name";
    public const string Position = "position";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        AddScope(identity, user);
        return identity;
    }

    /// <summary>The account's scope as it stands now; read again on every request made with a personal token.</summary>
    public static void AddScope(ClaimsIdentity identity, Account user)
    {
        if (user.Role.Length > 0)
        {
            identity.AddClaim(new Claim(TokenClaims.Role, user.Role));
        }

        identity.AddClaims(user.Countries.Select(c => new Claim(TokenClaims.Country, c)));
        if (user.Organisation is not null)
        {
            identity.AddClaim(new Claim(TokenClaims.Organisation, user.Organisation));
        }

        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.Position is not null)
        {
            identity.AddClaim(new Claim(Position, user.Position));
        }
    }
}
