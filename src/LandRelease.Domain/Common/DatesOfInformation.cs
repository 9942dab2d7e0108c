namespace LandRelease.Domain.Common;

public static class DatesOfInformation
{
    /// <summary>
    /// Whether a date of information lies in the future. One day of slack: a team east of UTC records
    /// "today" before the server's day begins.
    /// </summary>
    public static bool IsInFuture(DateOnly date, DateOnly today) => date > today.AddDays(1);
}
