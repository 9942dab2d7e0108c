using System.Globalization;
using LandRelease.Domain.Reports;

namespace LandRelease.Web.Reports;

/// <summary>A year asked for in a page's address: readable, and within the years reports cover.</summary>
public static class ReportYears
{
    /// <summary>The year, or the current one when none is asked for; null when it is unreadable or out of range.</summary>
    public static int? Read(string? text, DateOnly today)
    {
        if (string.IsNullOrEmpty(text))
        {
            return today.Year;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year >= ReportPeriod.FirstYear && year <= today.Year + 1 ? year : null;
    }

    public static PageProblem Problem(string? text, DateOnly today) => new(400, "That year cannot be shown",
        $"'{text}' is not a year reports cover: give a year from {ReportPeriod.FirstYear} to {today.Year + 1}, e.g. {today.Year - 1}.");
}
