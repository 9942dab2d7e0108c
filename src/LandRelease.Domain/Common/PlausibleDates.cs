using System.Globalization;

namespace LandRelease.Domain.Common;

/// <summary>
/// The dates the register can hold. Mine action records begin in the 20th century, so anything before 1900 is a
/// typing or export error (0001-01-01, an empty date in some tools, would be stored as -infinity and break the year
/// arithmetic of the reports). The upper bound only stops nonsense such as 9999-12-31; whether a date may lie
/// ahead of today at all is each record's own rule (<see cref="DatesOfInformation"/>). The database checks the
/// same range.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>Reads an ISO date (yyyy-MM-dd) within the range; otherwise an error sentence for the caller to name the field with.</summary>
    public static bool TryRead(string? text, out DateOnly date, out string error)
    {
        error = "";
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = text is null ? "A date (yyyy-MM-dd) is required." : $"'{text}' is not a date (yyyy-MM-dd).";
            return false;
        }

        if (!Contains(date))
        {
            error = $"'{text}' lies outside {Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}: mine action records start in the 20th century.";
            return false;
        }

        return true;
    }
}
