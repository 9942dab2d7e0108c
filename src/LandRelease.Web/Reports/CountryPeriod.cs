using System.Globalization;
using LandRelease.Domain.Reports;

namespace LandRelease.Web.Reports;

/// <summary>
/// The years a country page covers: <c>from</c> and <c>to</c> in its address (default: the five years to this one).
/// Figures of the period are released land and devices from 1 January of the first to 31 December of the last year;
/// remaining land as at the end of the last.
/// </summary>
public sealed record CountryPeriod(int From, int To)
{
    public const int DefaultYears = 5;

    public DateOnly FromDate => new(From, 1, 1);
    public DateOnly ToDate => new(To, 12, 31);
    public string Label => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}–{To}";

    /// <summary>The period, or the problem with the address (an unreadable year, a year out of range, from after to).</summary>
    public static (CountryPeriod? Period, PageProblem? Problem) Read(string? from, string? to, DateOnly today)
    {
        var last = Year(to, today.Year, today);
        var first = Year(from, (last ?? today.Year) - DefaultYears + 1, today);
        if (last is null || first is null)
        {
            var wrong = last is null ? to : from;
            return (null, new PageProblem(400, "That year cannot be shown",
                $"'{wrong}' is not a year reports cover: give years from {ReportPeriod.FirstYear} to {today.Year + 1}, e.g. ?from={today.Year - 4}&to={today.Year}."));
        }

        return first > last
            ? (null, new PageProblem(400, "That period cannot be shown", $"The period starts ({first}) after it ends ({last})."))
            : (new CountryPeriod(Math.Max(first.Value, ReportPeriod.FirstYear), last.Value), null);
    }

    private static int? Year(string? text, int fallback, DateOnly today) =>
        string.IsNullOrEmpty(text) ? Math.Max(fallback, ReportPeriod.FirstYear) : ReportYears.Read(text, today);
}
