using LandRelease.Web.Accounts;
using LandRelease.Web.Tests.Infrastructure;

namespace LandRelease.Web.Tests.Oidc;

/// <summary>
/// The host configured to sign people in through the test provider. The provider's port is chosen first (the
/// host needs its address), the provider starts once the host knows its own (the provider needs the callback).
/// </summary>
public sealed class OidcWebFactory : WebFactory
{
    private readonly int _providerPort = OidcProvider.FreePort();

    public OidcProvider Provider { get; private set; } = null!;

    public string Authority => $"http://127.0.0.1:{_providerPort}";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Provider = await OidcProvider.StartAsync(_providerPort, new Uri(BaseAddress, ExternalSignIn.CallbackPath));
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Auth:Oidc:Authority", Authority),
        new("Auth:Oidc:ClientId", OidcProvider.ClientId),
        new("Auth:Oidc:ClientSecret", OidcProvider.ClientSecret),
        new("Auth:Oidc:DisplayName", "Test Provider"),
        new("Auth:Oidc:Scopes", "openid profile landrelease"),
        new("Auth:Oidc:RequireHttpsMetadata", "false"),
    ];

    public override async ValueTask DisposeAsync()
    {
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
