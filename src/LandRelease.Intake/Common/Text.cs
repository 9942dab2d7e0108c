using System.Globalization;

namespace LandRelease.Intake.Common;

/// <summary>How values become attribute strings and message fragments: always the invariant culture.</summary>
internal static class Text
{
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Shortens a value quoted in a message so one bad cell cannot flood the upload report.</summary>
    public static string Quote(string value) => value.Length <= 60 ? $"'{value}'" : $"'{value[..57]}...'";

    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static string Size(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes >> 30} GB" : bytes >= 1L << 20 ? $"{bytes >> 20} MB" : $"{bytes >> 10} kB";

    public static Dictionary<string, string?> NewAttributes() => new(StringComparer.OrdinalIgnoreCase);
}
