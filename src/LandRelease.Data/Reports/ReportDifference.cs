namespace LandRelease.Data.Reports;

/// <summary>A figure the nightly rebuild computed differently from the incrementally maintained one.</summary>
public sealed class ReportDifference
{
    private ReportDifference()
    {
    }

    public long Id { get; private set; }
    public string CountryCode { get; private set; } = "";
    public int Year { get; private set; }
    public string Figure { get; private set; } = "";
    public double? Incremental { get; private set; }
    public double? Rebuilt { get; private set; }
    public DateTimeOffset FoundAt { get; private set; }
}
