namespace LandRelease.Data.Reports;

/// <summary>
/// A computed report, stored: asking again for the same country, kind, period and as-at date at the same data
/// version returns it instead of computing it again. <see cref="AsAt"/> null means "everything recorded".
/// </summary>
public sealed class ReportSnapshot
{
    private ReportSnapshot()
    {
    }

    public long Id { get; private set; }
    public string CountryCode { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public DateOnly PeriodFrom { get; private set; }
    public DateOnly PeriodTo { get; private set; }
    public DateOnly? AsAt { get; private set; }
    public long DataVersion { get; private set; }
    public string Figures { get; private set; } = "{}";
    public DateTimeOffset ComputedAt { get; private set; }
    public int ComputeMs { get; private set; }
}

/// <summary>The kinds of stored report.</summary>
public static class ReportKinds
{
    /// <summary>A calendar year with everything recorded, kept current by the pipeline.</summary>
    public const string Year = "YEAR";

    /// <summary>Any other period or as-at date, computed when first asked for.</summary>
    public const string Period = "PERIOD";

    public const string Apmbc = "APMBC";
    public const string Ccm = "CCM";

    public static IReadOnlyList<string> All { get; } = [Year, Period, Apmbc, Ccm];
}
