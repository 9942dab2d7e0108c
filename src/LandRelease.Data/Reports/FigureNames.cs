namespace LandRelease.Data.Reports;

/// <summary>
/// Every figure a report carries, so that a zero is written as 0 and not left out. Names are dotted paths:
/// the JSON nests them, the CSV lists them as they are.
/// </summary>
public static class FigureNames
{
    public static readonly IReadOnlyList<string> Classifications = ["sha", "cha"];
    public static readonly IReadOnlyList<string> Contaminations = ["AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "OTHER_ERW"];
    public static readonly IReadOnlyList<string> ReleaseKinds = ["cancelledSqm", "reducedSqm", "clearedSqm"];
    public static readonly IReadOnlyList<string> DeviceTypes = ["AP_MINE", "AV_MINE", "SUBMUNITION", "OTHER_ERW"];
    public static readonly IReadOnlyList<string> IncidentKinds = ["OVERLAPPING_RELEASE", "CANCELLED_LAND_REWORKED"];

    public const string ReleasedTotal = "released.totalSqm";

    public static IReadOnlyList<string> All { get; } =
    [
        .. Classifications.SelectMany(c => new[] { $"remaining.{c}.count", $"remaining.{c}.areaSqm" }),
        .. Contaminations.SelectMany(c => new[] { $"remaining.byContamination.{c}.count", $"remaining.byContamination.{c}.areaSqm" }),
        .. ReleaseKinds.Select(k => $"released.{k}"),
        ReleasedTotal,
        .. Contaminations.SelectMany(c => ReleaseKinds.Append("totalSqm").Select(k => $"released.byContamination.{c}.{k}")),
        .. DeviceTypes.Select(t => $"devices.found.{t}"),
        .. DeviceTypes.Select(t => $"devices.destroyed.{t}"),
        "incidents.count",
        "incidents.overlapSqm",
        .. IncidentKinds.Select(k => $"incidents.byKind.{k}"),
    ];

    /// <summary>Fills every missing figure with 0 and works out the totals: each total is the sum of its parts.</summary>
    public static SortedDictionary<string, double> Complete(IReadOnlyDictionary<string, double> found)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in All)
        {
            values[name] = found.TryGetValue(name, out var value) ? value : 0;
        }

        values[ReleasedTotal] = ReleaseKinds.Sum(k => values[$"released.{k}"]);
        foreach (var c in Contaminations)
        {
            values[$"released.byContamination.{c}.totalSqm"] = ReleaseKinds.Sum(k => values[$"released.byContamination.{c}.{k}"]);
        }

        return values;
    }

    /// <summary>Whether a figure counts things (areas, devices, incidents) rather than measuring m².</summary>
    public static bool IsCount(string name) => !name.EndsWith("Sqm", StringComparison.Ordinal);
}
