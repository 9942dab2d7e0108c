using System.Security.Claims;
using System.Text.Encodings.Web;
using LandRelease.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LandRelease.Web.Accounts;

/// <summary>
/// "Authorization: Bearer lrp_..." from scripts, GDAL and QGIS. The principal is built from the account as it
/// is now, so a token never reaches further than its owner: a narrowed scope narrows it, a disabled or locked
/// account stops it.
/// </summary>
public sealed class PersonalTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    LandReleaseDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = PersonalTokens.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var found = await db.PersonalTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(db.Users.AsNoTracking(), t => t.AccountId, a => a.Id, (t, a) => new { Token = t, Account = a })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsActive(now))
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        var account = found.Account;
        if (account.Disabled || account.LockoutEnd > now)
        {
            return AuthenticateResult.Fail("The token's account is disabled.");
        }

        // Last use to the minute: enough to spot a forgotten token, without a write (or a second round trip to the
        // database) on every request; the condition repeated in SQL keeps concurrent requests to one write.
        if (found.Token.LastUsedAt is not { } used || used < now - LastUsedPrecision)
        {
            await db.PersonalTokens
                .Where(t => t.Id == found.Token.Id && (t.LastUsedAt == null || t.LastUsedAt < now - LastUsedPrecision))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(Scheme.Name, TokenClaims.Name, TokenClaims.Role);
        identity.AddClaim(new Claim(TokenClaims.Subject, account.Id.ToString()));
        identity.AddClaim(new Claim(TokenClaims.Name, account.UserName ?? ""));
        AccountClaims.AddScope(identity, account);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return Task.CompletedTask;
    }
}

public static class PersonalTokenSetup
{
    public static AuthenticationBuilder AddPersonalTokens(this AuthenticationBuilder auth)
    {
        auth.Services.AddScoped<PersonalTokens>();
        return auth.AddScheme<AuthenticationSchemeOptions, PersonalTokenHandler>(SignInSchemes.PersonalToken, null);
    }
}
