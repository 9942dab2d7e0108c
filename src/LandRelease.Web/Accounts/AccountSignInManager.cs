using System.Security.Claims;
using LandRelease.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LandRelease.Web.Accounts;

/// <summary>Identity's sign-in, refusing a disabled account at sign-in and when its cookie is next checked.</summary>
public sealed class AccountSignInManager(
    UserManager<Account> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Account>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) => !user.Disabled && await base.CanSignInAsync(user);

    public override async Task<Account?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Disabled: false } ? user : null;
    }
}
