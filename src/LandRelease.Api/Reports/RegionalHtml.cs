using System.Text;
using LandRelease.Data.Reports;
using static LandRelease.Api.Reports.ReportCharts;

namespace LandRelease.Api.Reports;

/// <summary>The regional report as one printable page: the states' table with its ASEAN total row, and two charts.</summary>
internal static class RegionalHtml
{
    public static string Page(RegionalFigures r)
    {
        var html = new StringBuilder();
        html.Append($"<h1>Land release in ASEAN, {r.Year}</h1>\n<p class=\"meta\">Aggregates of approved data, everything recorded; ")
            .Append("remaining at the end of the year, released by date of information in the year. ")
            .Append("\u201cNo data reported\u201d: the state had recorded nothing by the end of the year.</p>\n")
            .Append("<table><tr><th>Country</th><th class=\"num\">SHA</th><th class=\"num\">CHA</th><th class=\"num\">Remaining ha</th>")
            .Append("<th class=\"num\">Cancelled ha</th><th class=\"num\">Reduced ha</th><th class=\"num\">Cleared ha</th>")
            .Append("<th class=\"num\">Released ha</th><th class=\"num\">Devices destroyed</th></tr>\n");
        foreach (var c in r.Countries)
        {
            Row(html, "", Encode(c.Name), c.Values);
        }

        Row(html, " class=\"total\"", $"ASEAN total ({r.Total.CountriesReporting} of {r.Countries.Count} states reporting)", r.Total.Values);
        var reporting = r.Countries.Where(c => c.Reported).ToList();
        string[] codes = [.. reporting.Select(c => c.Code)];
        html.Append("</table>\n<h2>Released in the year</h2>\n")
            .Append(StackedBars("Released by method", codes,
            [
                new("cancelled", "cancelled", [.. reporting.Select(c => c.Values!["released.cancelledSqm"] / 10_000)]),
                new("reduced", "reduced", [.. reporting.Select(c => c.Values!["released.reducedSqm"] / 10_000)]),
                new("cleared", "cleared", [.. reporting.Select(c => c.Values!["released.clearedSqm"] / 10_000)]),
            ], "ha"))
            .Append("<h2>Remaining at the end of the year</h2>\n")
            .Append(StackedBars("Remaining", codes,
            [
                new("SHA", "sha", [.. reporting.Select(c => c.Values!["remaining.sha.areaSqm"] / 10_000)]),
                new("CHA", "cha", [.. reporting.Select(c => c.Values!["remaining.cha.areaSqm"] / 10_000)]),
            ], "ha"))
            .Append("<footer>Produced by LandRelease from approved data only; each square metre counted once. Aggregates only.</footer>\n");
        return ReportStyle.Page($"Land release in ASEAN, {r.Year}", html.ToString());
    }

    private static void Row(StringBuilder html, string rowClass, string nameHtml, SortedDictionary<string, double>? v)
    {
        html.Append($"<tr{rowClass}><td>{nameHtml}</td>");
        if (v is null)
        {
            html.Append("<td colspan=\"8\">No data reported</td></tr>\n");
            return;
        }

        html.Append($"<td class=\"num\">{Number(v["remaining.sha.count"])}</td><td class=\"num\">{Number(v["remaining.cha.count"])}</td>")
            .Append($"<td class=\"num\">{Number((v["remaining.sha.areaSqm"] + v["remaining.cha.areaSqm"]) / 10_000)}</td>")
            .Append($"<td class=\"num\">{Number(v["released.cancelledSqm"] / 10_000)}</td><td class=\"num\">{Number(v["released.reducedSqm"] / 10_000)}</td>")
            .Append($"<td class=\"num\">{Number(v["released.clearedSqm"] / 10_000)}</td><td class=\"num\">{Number(v["released.totalSqm"] / 10_000)}</td>")
            .Append($"<td class=\"num\">{Number(FigureNames.DeviceTypes.Sum(t => v[$"devices.destroyed.{t}"]))}</td></tr>\n");
    }
}
