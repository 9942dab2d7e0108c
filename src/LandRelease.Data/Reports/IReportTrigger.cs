namespace LandRelease.Data.Reports;

/// <summary>
/// Tells the reporting pipeline, after a commit, that a country's figures changed. The outbox row
/// (<see cref="ReportDirty"/>) was committed with the change, so a lost call loses nothing: the sweep finds the row.
/// </summary>
public interface IReportTrigger
{
    void CountryChanged(string countryCode);
}
