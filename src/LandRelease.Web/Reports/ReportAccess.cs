namespace LandRelease.Web.Reports;

/// <summary>How much of a country's report a user may see.</summary>
public enum ReportView
{
    /// <summary>Users of the country: every figure, and the map of land not yet released.</summary>
    Full,

    /// <summary>Regional viewers and administrators: figures only, never where unreleased land lies.</summary>
    Aggregates,
}

/// <summary>One rule for the API's reports and the pages.</summary>
public static class ReportAccess
{
    /// <summary>Null when the user may not read the country's reports at all (another country's national authority).</summary>
    public static ReportView? ViewOf(UserScope user, string countryCode) =>
        user.CanRead(countryCode) ? ReportView.Full
        : user.Is(Roles.RegionalViewer) || user.Is(Roles.Admin) ? ReportView.Aggregates
        : null;
}
