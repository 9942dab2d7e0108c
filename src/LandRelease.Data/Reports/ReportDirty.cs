namespace LandRelease.Data.Reports;

/// <summary>
/// The outbox of the reporting pipeline: "the figures of this country changed from this date of information on".
/// Written in the same transaction as the change itself, so a crash between commit and enqueue loses nothing;
/// the pipeline deletes the rows it has reflected.
/// </summary>
public sealed class ReportDirty
{
    private ReportDirty()
    {
    }

    public long Id { get; private set; }
    public string CountryCode { get; private set; } = "";

    /// <summary>The earliest date of information whose figures may have changed.</summary>
    public DateOnly Since { get; private set; }

    /// <summary>
    /// The hazardous area whose decisions' land may be counted differently now; null when the change cannot reach
    /// released land (new areas of a batch upload, an activity's devices).
    /// </summary>
    public Guid? HazardAreaId { get; private set; }
    public string Cause { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static ReportDirty Mark(string countryCode, DateOnly since, Guid? hazardAreaId, string cause, DateTimeOffset at) =>
        new() { CountryCode = countryCode, Since = since, HazardAreaId = hazardAreaId, Cause = cause, RecordedAt = at };
}
