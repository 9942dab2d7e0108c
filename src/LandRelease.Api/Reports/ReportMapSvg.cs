using System.Text;
using static LandRelease.Api.Reports.ReportCharts;

namespace LandRelease.Api.Reports;

/// <summary>
/// The report's small map: the country's outline and the grid of land, remaining (red) and released in the period
/// (green), darker where there is more. Drawn in degrees with longitude scaled by the cosine of the middle latitude,
/// which keeps shapes true enough at country scale.
/// </summary>
internal static class ReportMapSvg
{
    public static string Render(MapResponse map, string outlinePath, string countryName)
    {
        var north = map.South + map.Rows * map.CellDegrees;
        var k = Math.Cos((map.South + north) / 2 * Math.PI / 180);
        var margin = map.CellDegrees;
        double x0 = (map.West - margin) * k, y0 = -(north + margin);
        double width = (map.Columns * map.CellDegrees + 2 * margin) * k, height = map.Rows * map.CellDegrees + 2 * margin;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{F6(x0)} {F6(y0)} {F6(width)} {F6(height)}\" ")
            .Append($"role=\"img\" aria-label=\"Map of {Encode(countryName)}: remaining and released land\">")
            .Append($"<g transform=\"scale({F6(k)} 1)\">")
            .Append($"<path class=\"outline\" vector-effect=\"non-scaling-stroke\" d=\"{outlinePath}\"/>");
        Cells(svg, map, map.Remaining ?? [], "remaining");
        Cells(svg, map, map.Released, "released");
        return svg.Append("</g></svg>").ToString();
    }

    private static void Cells(StringBuilder svg, MapResponse map, IReadOnlyList<double[]> cells, string layer)
    {
        var max = cells.Select(c => c[2]).DefaultIfEmpty(0).Max();
        foreach (var cell in cells)
        {
            var x = map.West + cell[0] * map.CellDegrees;
            var y = -(map.South + (cell[1] + 1) * map.CellDegrees);
            var share = max > 0 ? cell[2] / max : 0;
            var shade = share > 0.5 ? 4 : share > 0.15 ? 3 : share > 0.03 ? 2 : 1;
            svg.Append($"<rect class=\"{layer}-{shade}\" x=\"{F6(x)}\" y=\"{F6(y)}\" width=\"{F6(map.CellDegrees)}\" height=\"{F6(map.CellDegrees)}\">")
                .Append($"<title>{Encode(layer)}: {Number(cell[2] / 10_000)} ha</title></rect>");
        }
    }

    private static string F6(double value) => value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
}
