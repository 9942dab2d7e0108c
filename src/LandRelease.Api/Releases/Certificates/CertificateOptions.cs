namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// Who issues certificates, by country, bound from "Certificates" (Certificates:Authorities:KHM:Name, :Logo).
/// A country with no entry gets a generic "National mine action authority of ..." heading.
/// </summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    public Dictionary<string, AuthorityOptions> Authorities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The Chromium that prints PDFs (Debian's package by default).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
}

public sealed class AuthorityOptions
{
    /// <summary>The authority's name as it signs, e.g. "Cambodian Mine Action and Victim Assistance Authority (CMAA)".</summary>
    public string? Name { get; set; }

    /// <summary>A PNG, JPEG or SVG file of the authority's logo; embedded in the certificate, so nothing is fetched when printing.</summary>
    public string? Logo { get; set; }
}
