using System.Globalization;
using System.Text;
using LandRelease.Data.Reports;
using static LandRelease.Api.Reports.ReportCharts;

namespace LandRelease.Api.Reports;

/// <summary>The country progress report as one printable HTML page with its charts and map inline.</summary>
internal static class ReportHtml
{
    private static readonly (string Key, string Label)[] Kinds =
        [("cancelledSqm", "Cancelled (non-technical survey)"), ("reducedSqm", "Reduced (technical survey)"), ("clearedSqm", "Cleared")];

    public static string Country(CountryReportResponse report, StoredReport stored, string? outlinePath)
    {
        var values = FigureValues.Published(stored.Document.Values);
        var html = new StringBuilder();
        html.Append($"<h1>Land release progress: {Encode(report.Country.Name)}</h1>\n");
        Meta(html, stored, report.Access);

        html.Append("<h2>Released in the period</h2>\n<table><tr><th>Method</th><th class=\"num\">m²</th><th class=\"num\">ha</th></tr>\n");
        foreach (var (key, label) in Kinds)
        {
            AreaRow(html, label, values[$"released.{key}"]);
        }

        AreaRow(html, "Total released", values[FigureNames.ReleasedTotal], "total");
        html.Append("</table>\n");

        html.Append($"<h2>Remaining at {Date(stored.To)}</h2>\n<table><tr><th></th><th class=\"num\">Areas</th><th class=\"num\">m²</th><th class=\"num\">ha</th></tr>\n");
        RemainingRow(html, "Suspected hazardous areas (SHA)", values, "remaining.sha");
        RemainingRow(html, "Confirmed hazardous areas (CHA)", values, "remaining.cha");
        html.Append("<tr><th colspan=\"4\">By contamination (an area may hold several)</th></tr>\n");
        foreach (var c in FigureNames.Contaminations)
        {
            RemainingRow(html, Contamination(c), values, $"remaining.byContamination.{c}");
        }

        html.Append("</table>\n<div class=\"columns\">\n<div>\n<h2>Map</h2>\n");
        if (report.Map is { } map && outlinePath is not null)
        {
            html.Append(ReportMapSvg.Render(map, outlinePath, report.Country.Name)).Append("<p class=\"legend\">");
            if (map.Remaining is not null)
            {
                html.Append("<span><i class=\"swatch remaining\"></i>remaining at the end of the period</span>");
            }

            html.Append("<span><i class=\"swatch released\"></i>released in the period</span></p>\n");
        }

        html.Append("</div>\n<div>\n<h2>Devices in the period</h2>\n<table><tr><th>Type</th><th class=\"num\">Found</th><th class=\"num\">Destroyed</th></tr>\n");
        foreach (var t in FigureNames.DeviceTypes)
        {
            html.Append($"<tr><td>{Device(t)}</td><td class=\"num\">{Number(values[$"devices.found.{t}"])}</td>")
                .Append($"<td class=\"num\">{Number(values[$"devices.destroyed.{t}"])}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Quality incidents</h2>\n<table>\n")
            .Append($"<tr><td>Overlapping releases</td><td class=\"num\">{Number(values["incidents.byKind.OVERLAPPING_RELEASE"])}</td></tr>\n")
            .Append($"<tr><td>Cancelled land later reduced or cleared</td><td class=\"num\">{Number(values["incidents.byKind.CANCELLED_LAND_REWORKED"])}</td></tr>\n")
            .Append($"<tr class=\"total\"><td>Overlap counted once (m²)</td><td class=\"num\">{Number(values["incidents.overlapSqm"])}</td></tr>\n")
            .Append("</table>\n</div>\n</div>\n");

        Trend(html, report.Trend);
        html.Append("<h2>Notes</h2>\n<ul class=\"notes\">");
        foreach (var note in report.Notes)
        {
            html.Append($"<li>{Encode(note)}</li>");
        }

        html.Append("</ul>\n");
        Footer(html, stored);
        return ReportStyle.Page($"Land release progress: {report.Country.Name}, {Date(stored.From)} to {Date(stored.To)}", html.ToString());
    }

    private static void Trend(StringBuilder html, IReadOnlyList<TrendYearResponse> trend)
    {
        if (trend.Count == 0)
        {
            return;
        }

        string[] years = [.. trend.Select(t => t.Year.ToString(CultureInfo.InvariantCulture))];
        double Ha(System.Text.Json.Nodes.JsonObject group, params string[] path)
        {
            System.Text.Json.Nodes.JsonNode? node = group;
            foreach (var step in path)
            {
                node = node?[step];
            }

            return (node?.GetValue<double>() ?? 0) / 10_000;
        }

        html.Append("<h2>Trend by year</h2>\n")
            .Append(StackedBars("Released by method", years,
            [
                new("cancelled", "cancelled", [.. trend.Select(t => Ha(t.Released, "cancelledSqm"))]),
                new("reduced", "reduced", [.. trend.Select(t => Ha(t.Released, "reducedSqm"))]),
                new("cleared", "cleared", [.. trend.Select(t => Ha(t.Released, "clearedSqm"))]),
            ], "ha released"))
            .Append(StackedBars("Remaining at year end", years,
            [
                new("SHA", "sha", [.. trend.Select(t => Ha(t.Remaining, "sha", "areaSqm"))]),
                new("CHA", "cha", [.. trend.Select(t => Ha(t.Remaining, "cha", "areaSqm"))]),
            ], "ha remaining at year end"));
    }

    public static void Meta(StringBuilder html, StoredReport stored, string access) =>
        html.Append($"<p class=\"meta\">Dates of information {Date(stored.From)} to {Date(stored.To)}; ")
            .Append(stored.AsAt is { } a ? $"as recorded by the end of {Date(a)}" : "everything recorded")
            .Append($"; data version {stored.DataVersion}, computed {Timestamp(stored.ComputedAt)}")
            .Append(stored.FromStore ? " (stored snapshot)" : " (computed for this request)")
            .Append(access == "aggregates" ? "; aggregates only" : "").Append(".</p>\n");

    public static void Footer(StringBuilder html, StoredReport stored) =>
        html.Append($"<footer>Produced by LandRelease from approved data only (IMAS 07.11 counting: each square metre once). ")
            .Append($"Areas in m² on the WGS 84 ellipsoid; 1 ha = 10,000 m². Snapshot of data version {stored.DataVersion}.</footer>\n");

    private static void AreaRow(StringBuilder html, string label, double sqm, string? css = null) =>
        html.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">").Append($"<td>{Encode(label)}</td><td class=\"num\">{Number(sqm)}</td>")
            .Append($"<td class=\"num\">{Number(sqm / 10_000)}</td></tr>\n");

    private static void RemainingRow(StringBuilder html, string label, SortedDictionary<string, double> values, string prefix) =>
        html.Append($"<tr><td>{Encode(label)}</td><td class=\"num\">{Number(values[prefix + ".count"])}</td>")
            .Append($"<td class=\"num\">{Number(values[prefix + ".areaSqm"])}</td><td class=\"num\">{Number(values[prefix + ".areaSqm"] / 10_000)}</td></tr>\n");

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
