using LandRelease.Web.Accounts;
using Microsoft.Extensions.Options;

namespace LandRelease.Web;

/// <summary>
/// The content security policy of pages: everything from this host only (no CDN), and forms may go on to the
/// external sign-in provider. Pages carry no inline script; inline styles are not allowed either.
/// </summary>
public sealed class PageSecurityHeaders(IOptions<OidcOptions> oidc)
{
    public string ContentSecurityPolicy { get; } =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        $"form-action 'self'{ProviderOrigin(oidc.Value)}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    private static string ProviderOrigin(OidcOptions options) =>
        options.IsConfigured && Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : "";
}
