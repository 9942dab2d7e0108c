namespace LandRelease.Data.Reports;

/// <summary>The pipeline's bookkeeping for one country: what its stored figures reflect and how the last runs went.</summary>
public sealed class ReportCountry
{
    private ReportCountry()
    {
    }

    public string CountryCode { get; private set; } = "";

    /// <summary>The id of the last outbox row the stored figures reflect (0: none yet).</summary>
    public long DataVersion { get; private set; }

    public DateTimeOffset? RefreshedAt { get; private set; }
    public int? RefreshMs { get; private set; }
    public DateTimeOffset? RebuiltAt { get; private set; }
    public int? RebuildMs { get; private set; }
    public int? RebuildDifferences { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? Failure { get; private set; }
}
