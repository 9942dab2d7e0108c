using Microsoft.Extensions.Options;

namespace LandRelease.Web.Accounts;

/// <summary>What the sign-in form needs to know of the external provider.</summary>
public sealed class ExternalSignIn(IOptions<OidcOptions> options)
{
    public const string Path = "/signin/external";
    public const string CallbackPath = "/signin/oidc";

    public bool IsConfigured => options.Value.IsConfigured;
    public string DisplayName => options.Value.DisplayName;
}
