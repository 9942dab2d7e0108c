using LandRelease.Data.Reports;

namespace LandRelease.Web.Reports;

/// <summary>One table of a country page as a download holds it: a heading row, then rows whose first cell names them.</summary>
public sealed record DownloadTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>
/// What the country page shows for a period, as tables: the key figures, by contamination, devices and the trend (the
/// same years as the page's charts; a year before the country first reported is left empty, not zero).
/// </summary>
public static class CountryTables
{
    public static IReadOnlyList<DownloadTable> Of(CountryFigures f)
    {
        var v = f.Values;
        double Sum(string prefix) => FigureNames.DeviceTypes.Sum(t => v[$"{prefix}.{t}"]);
        var key = new DownloadTable("Key figures", ["Figure", "Value", "Unit"],
        [
            ["Remaining SHA", v["remaining.sha.areaSqm"], "m²"], ["Suspected hazardous areas", v["remaining.sha.count"], "areas"],
            ["Remaining CHA", v["remaining.cha.areaSqm"], "m²"], ["Confirmed hazardous areas", v["remaining.cha.count"], "areas"],
            ["Released", v["released.totalSqm"], "m²"], ["Cancelled", v["released.cancelledSqm"], "m²"],
            ["Reduced", v["released.reducedSqm"], "m²"], ["Cleared", v["released.clearedSqm"], "m²"],
            ["Devices found", Sum("devices.found"), "devices"], ["Devices destroyed", Sum("devices.destroyed"), "devices"],
            ["Quality incidents", v["incidents.count"], "incidents"], ["Released twice, counted once", v["incidents.overlapSqm"], "m²"],
        ]);
        var contamination = new DownloadTable("By contamination",
            ["Contamination", "Areas remaining", "Remaining (m²)", "Cancelled (m²)", "Reduced (m²)", "Cleared (m²)"],
            [.. FigureNames.Contaminations.Select(c => new object?[]
            {
                ReportNames.Contamination(c), v[$"remaining.byContamination.{c}.count"], v[$"remaining.byContamination.{c}.areaSqm"],
                v[$"released.byContamination.{c}.cancelledSqm"], v[$"released.byContamination.{c}.reducedSqm"],
                v[$"released.byContamination.{c}.clearedSqm"],
            })]);
        var devices = new DownloadTable("Devices", ["Device", "Found", "Destroyed"],
            [.. FigureNames.DeviceTypes.Select(t => new object?[] { ReportNames.Contamination(t), v[$"devices.found.{t}"], v[$"devices.destroyed.{t}"] })]);
        string[] trendFigures = ["remaining.sha.areaSqm", "remaining.cha.areaSqm", "released.cancelledSqm", "released.reducedSqm", "released.clearedSqm"];
        var trend = new DownloadTable("Trend",
            ["Year", "SHA remaining (m²)", "CHA remaining (m²)", "Cancelled (m²)", "Reduced (m²)", "Cleared (m²)"],
            [.. f.Trend.Select(t => new object?[] { t.Year }.Concat(trendFigures.Select(n => t.Values is null ? null : (object?)t.Values.GetValueOrDefault(n))).ToArray())]);
        return f.AdminAreas.Count == 0 ? [key, contamination, devices, trend] : [key, contamination, devices, trend, ByAdminArea(f)];
    }

    /// <summary>As the page's "By province" table: each area, each level's land outside every area, and the country.</summary>
    private static DownloadTable ByAdminArea(CountryFigures f)
    {
        string[] figures = ["remaining.sha.areaSqm", "remaining.cha.areaSqm", "released.cancelledSqm", "released.reducedSqm",
            "released.clearedSqm", FigureNames.ReleasedTotal];
        object?[] Row(string name, string? code, int? level, object? count, IReadOnlyDictionary<string, double> v) =>
            [name, code, level, count, .. figures.Select(n => (object?)v[n])];
        var rows = new List<object?[]>();
        foreach (var level in f.AdminAreas.Select(a => a.Level).Distinct().Order())
        {
            rows.AddRange(f.AdminAreas.Where(a => a.Level == level).Select(a =>
                Row(a.Name, a.Code, a.Level, a.Values.TryGetValue("remaining.count", out var c) ? c : null, a.Values)));
            rows.Add(Row($"{f.Name} (country total)", null, level, f.Values["remaining.sha.count"] + f.Values["remaining.cha.count"], f.Values));
        }

        return new DownloadTable("By province", ["Province / district", "Code", "Level", "Areas remaining", "Remaining SHA (m²)",
            "Remaining CHA (m²)", "Cancelled (m²)", "Reduced (m²)", "Cleared (m²)", "Released (m²)"], rows);
    }
}
