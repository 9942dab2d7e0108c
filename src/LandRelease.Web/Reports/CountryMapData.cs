using System.Text.Json;
using LandRelease.Data.Reports;

namespace LandRelease.Web.Reports;

/// <summary>
/// What the country map module reads from the page: the report's grid, released land for everyone, and remaining land
/// only when the user may see where it lies (the cells are never put on the page otherwise).
/// </summary>
public static class CountryMapData
{
    public static readonly string[] RemainingColors = ["#fcbba1", "#fb6a4a", "#de2d26", "#a50f15"];
    public static readonly string[] ReleasedColors = ["#c6dbef", "#6baed6", "#2171b5", "#08306b"];

    public static string Json(string code, ReportMap map, ReportView view) => JsonSerializer.Serialize(new
    {
        outlinesUrl = ReportAssets.Outlines,
        code,
        grid = new { west = map.West, south = map.South, cellDegrees = map.CellDegrees },
        layers = view == ReportView.Full
            ? new[] { Layer("remaining", map.Remaining, RemainingColors), Layer("released", map.Released, ReleasedColors) }
            : [Layer("released", map.Released, ReleasedColors)],
    });

    /// <summary>The upper bounds (m²) of a layer's four classes: quarters of the largest cell, in round numbers.</summary>
    public static double[] Bounds(IReadOnlyList<double[]> cells)
    {
        var top = MapClasses.RoundUp(Math.Max(1, cells.Select(c => c[2]).DefaultIfEmpty(0).Max()));
        return [top / 8, top / 4, top / 2, top];
    }

    private static object Layer(string id, IReadOnlyList<double[]> cells, string[] colors)
    {
        var bounds = Bounds(cells);
        return new
        {
            id,
            cells = cells.Select(c => new[] { c[0], c[1], Math.Round(c[2], 2) }),
            classes = bounds.Select((upTo, i) => new { upTo, color = colors[i] }),
        };
    }
}
