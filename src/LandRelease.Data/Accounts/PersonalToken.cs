namespace LandRelease.Data.Accounts;

/// <summary>
/// A personal API token for scripts, GDAL and QGIS. Only the SHA-256 of the secret is kept: the secret is
/// 256 random bits, so a fast hash is as safe as a slow one and lets every request look it up by index.
/// </summary>
public sealed class PersonalToken
{
    private PersonalToken()
    {
    }

    public PersonalToken(Guid accountId, string name, byte[] hash, string prefix, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7(createdAt);
        AccountId = accountId;
        Name = name;
        Hash = hash;
        Prefix = prefix;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public byte[] Hash { get; private set; } = [];

    /// <summary>The first characters of the token, so its owner can tell tokens apart without the secret.</summary>
    public string Prefix { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}
