namespace LandRelease.Api.Infrastructure;

internal static class Clock
{
    /// <summary>Today's date in UTC, the calendar dates of information are compared with.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
