using System.Globalization;

namespace LandRelease.Domain.Releases;

/// <summary>
/// A certificate's number: the country's ISO code, the year of certification and that country's running number in
/// the year, six digits (KHM-2026-000123), so an authority can tell from the number alone where and when it was signed.
/// </summary>
public static class CertificateNumbers
{
    public static string Format(string countryCode, int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 999_999);
        return string.Create(CultureInfo.InvariantCulture, $"{countryCode.ToUpperInvariant()}-{year:0000}-{sequence:000000}");
    }
}

/// <summary>DOMAIN rule 7: a decision whose land has all been released already releases nothing, and is refused.</summary>
public static class ApprovalRules
{
    public const string AlreadyReleased = "already-released";

    /// <summary>Below this a credit is the noise of shared edges, not land (the same tolerance as overlaps).</summary>
    public const double NothingSqm = 1.0;

    public static bool CreditsNothing(double creditSqm) => creditSqm <= NothingSqm;
}
