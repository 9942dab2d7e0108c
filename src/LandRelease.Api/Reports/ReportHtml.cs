using System.Globalization;
using System.Text;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports;

/// <summary>What the printable reports share: their names for kinds of contamination and devices, dates, the treaty tables' meta and footer.</summary>
internal static class ReportHtml
{
    public static void Meta(StringBuilder html, StoredReport stored, string access) =>
        html.Append($"<p class=\"meta\">Dates of information {Date(stored.From)} to {Date(stored.To)}; ")
            .Append(stored.AsAt is { } a ? $"as recorded by the end of {Date(a)}" : "everything recorded")
            .Append($"; data version {stored.DataVersion}, computed {Timestamp(stored.ComputedAt)}")
            .Append(stored.FromStore ? " (stored snapshot)" : " (computed for this request)")
            .Append(access == "aggregates" ? "; aggregates only" : "").Append(".</p>\n");

    public static void Footer(StringBuilder html, StoredReport stored) =>
        html.Append($"<footer>Produced by LandRelease from approved data only (IMAS 07.11 counting: each square metre once). ")
            .Append($"Areas in m² on the WGS 84 ellipsoid; 1 ha = 10,000 m². Snapshot of data version {stored.DataVersion}.</footer>\n");

    public static string Contamination(string wire) => wire switch
    {
        "AP_MINE" => "Anti-personnel mines",
        "AV_MINE" => "Anti-vehicle mines",
        "CLUSTER_MUNITION" => "Cluster munition remnants",
        _ => "Other explosive remnants of war",
    };

    public static string Device(string wire) => wire switch
    {
        "AP_MINE" => "Anti-personnel mines",
        "AV_MINE" => "Anti-vehicle mines",
        "SUBMUNITION" => "Submunitions",
        _ => "Other explosive remnants of war",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
