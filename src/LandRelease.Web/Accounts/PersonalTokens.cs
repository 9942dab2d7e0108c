using System.Security.Cryptography;
using System.Text;
using LandRelease.Data;
using LandRelease.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LandRelease.Web.Accounts;

/// <summary>Creates, lists and revokes a person's API tokens: "lrp_" then 256 random bits, kept only as their SHA-256.</summary>
public sealed class PersonalTokens(LandReleaseDbContext db, TimeProvider clock)
{
    public const string Prefix = "lrp_";
    public const int MaxLifetimeDays = 365;
    public const int MaxActivePerAccount = 20;

    public sealed record Created(PersonalToken Token, string Secret);

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>A new token, or why not (the secret is returned once and never stored).</summary>
    public async Task<(Created? Token, string? Error)> CreateAsync(Guid accountId, string? name, int days, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            return (null, "Give the token a name of 1 to 100 characters, such as \"QGIS on my laptop\".");
        }

        if (days is < 1 or > MaxLifetimeDays)
        {
            return (null, $"A token lasts 1 to {MaxLifetimeDays} days.");
        }

        var now = clock.GetUtcNow();
        var active = await db.PersonalTokens.CountAsync(t => t.AccountId == accountId && t.RevokedAt == null && t.ExpiresAt > now, ct);
        if (active >= MaxActivePerAccount)
        {
            return (null, $"You have {active} active tokens, the most allowed; revoke one first.");
        }

        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new PersonalToken(accountId, name, Hash(secret), secret[..10], now, now.AddDays(days));
        db.PersonalTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (new Created(token, secret), null);
    }

    public Task<List<PersonalToken>> ListAsync(Guid accountId, CancellationToken ct) =>
        db.PersonalTokens.Where(t => t.AccountId == accountId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);

    /// <summary>Revokes one of the account's own tokens; another account's token is not found.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid tokenId, CancellationToken ct)
    {
        var token = await db.PersonalTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.AccountId == accountId, ct);
        if (token is null)
        {
            return false;
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
