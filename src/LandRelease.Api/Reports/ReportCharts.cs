using System.Globalization;
using System.Net;
using System.Text;

namespace LandRelease.Api.Reports;

/// <summary>A series of a bar chart: its label, its CSS class and one value per category.</summary>
public sealed record ChartSeries(string Label, string CssClass, double[] Values);

/// <summary>Small inline SVG bar charts (no script, no external file): stacked bars, one per category.</summary>
internal static class ReportCharts
{
    private const double Width = 640, Height = 230, Left = 64, Right = 12, Top = 16, Bottom = 46;

    public static string StackedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string unit)
    {
        var totals = categories.Select((_, i) => series.Sum(s => Math.Max(s.Values[i], 0))).ToArray();
        var max = NiceCeiling(totals.DefaultIfEmpty(0).Max());
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        var slot = plotWidth / Math.Max(categories.Count, 1);
        var bar = Math.Min(slot * 0.7, 36);
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            var y = Top + plotHeight * (1 - tick);
            svg.Append($"<line class=\"grid-line\" x1=\"{F(Left)}\" y1=\"{F(y)}\" x2=\"{F(Width - Right)}\" y2=\"{F(y)}\"/>")
                .Append($"<text class=\"axis\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{Number(max * tick)}</text>");
        }

        svg.Append($"<text class=\"axis\" x=\"4\" y=\"{F(Top - 4)}\">{Encode(unit)}</text>");
        for (var i = 0; i < categories.Count; i++)
        {
            var x = Left + slot * i + (slot - bar) / 2;
            var y = Top + plotHeight;
            foreach (var s in series)
            {
                var h = max > 0 ? Math.Max(s.Values[i], 0) / max * plotHeight : 0;
                if (h > 0)
                {
                    y -= h;
                    svg.Append($"<rect class=\"{s.CssClass}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(bar)}\" height=\"{F(h)}\">")
                        .Append($"<title>{Encode(categories[i])} {Encode(s.Label)}: {Number(s.Values[i])} {Encode(unit)}</title></rect>");
                }
            }

            if (categories.Count <= 12 || i % 2 == 0)
            {
                svg.Append($"<text class=\"axis\" x=\"{F(x + bar / 2)}\" y=\"{F(Top + plotHeight + 14)}\" text-anchor=\"middle\">{Encode(categories[i])}</text>");
            }
        }

        var legendX = Left;
        foreach (var s in series)
        {
            svg.Append($"<rect class=\"{s.CssClass}\" x=\"{F(legendX)}\" y=\"{F(Height - 16)}\" width=\"10\" height=\"10\"/>")
                .Append($"<text class=\"axis\" x=\"{F(legendX + 14)}\" y=\"{F(Height - 7)}\">{Encode(s.Label)}</text>");
            legendX += 24 + s.Label.Length * 6.5;
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above the value, so the axis reads in round numbers.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var mantissa = value / power;
        return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
    }

    public static string Number(double value) => value.ToString(value >= 100 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
