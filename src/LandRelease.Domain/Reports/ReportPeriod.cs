using System.Globalization;
using LandRelease.Domain.Common;

namespace LandRelease.Domain.Reports;

/// <summary>
/// The period a report covers, by date of information, and the date it is "as at": what had been recorded by the
/// end of that day (null: everything recorded so far).
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, DateOnly? AsAt)
{
    /// <summary>Reports reach back no further than this; older dates are typing mistakes.</summary>
    public const int FirstYear = 1950;

    public bool IsCalendarYear => AsAt is null && From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), null);

    /// <summary>
    /// Reads the query: either <c>year</c>, or <c>from</c> and <c>to</c> (each defaulting to the edge of the current
    /// year), and an optional <c>asAt</c>. Unreadable values fill <paramref name="errors"/> (400); readable ones that
    /// make no sense are rule violations (422).
    /// </summary>
    public static (ReportPeriod? Period, IReadOnlyList<RuleViolation> Violations) Read(string? year, string? from, string? to,
        string? asAt, DateOnly today, Dictionary<string, string[]> errors)
    {
        int? wholeYear = null;
        if (year is not null)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                wholeYear = y;
            }
            else
            {
                errors["year"] = [$"'{year}' is not a year (e.g. 2024)."];
            }

            if (from is not null || to is not null)
            {
                errors["year"] = ["Give either year, or from and to, not both."];
            }
        }

        var fromDate = ReadDate(from, "from", errors);
        var toDate = ReadDate(to, "to", errors);
        var asAtDate = ReadDate(asAt, "asAt", errors);
        if (errors.Count > 0)
        {
            return (null, []);
        }

        var period = wholeYear is { } w
            ? new ReportPeriod(new DateOnly(Math.Clamp(w, 1, 9999), 1, 1), new DateOnly(Math.Clamp(w, 1, 9999), 12, 31), asAtDate)
            : new ReportPeriod(fromDate ?? new DateOnly(today.Year, 1, 1), toDate ?? new DateOnly(today.Year, 12, 31), asAtDate);
        var violations = new List<RuleViolation>();
        if (period.From > period.To)
        {
            violations.Add(new("period-reversed", "from", $"The period starts ({period.From:yyyy-MM-dd}) after it ends ({period.To:yyyy-MM-dd})."));
        }

        if (period.From.Year < FirstYear || period.To.Year > today.Year + 1)
        {
            violations.Add(new("period-out-of-range", wholeYear is null ? "from" : "year",
                $"Reports cover {FirstYear} to {today.Year + 1}."));
        }

        if (period.AsAt is { } a && (DatesOfInformation.IsInFuture(a, today) || a.Year < FirstYear))
        {
            violations.Add(new("as-at-out-of-range", "asAt", $"asAt lies between {FirstYear}-01-01 and today."));
        }

        return violations.Count > 0 ? (null, violations) : (period, []);
    }

    private static DateOnly? ReadDate(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = [$"'{value}' is not a date (yyyy-MM-dd)."];
        return null;
    }
}
