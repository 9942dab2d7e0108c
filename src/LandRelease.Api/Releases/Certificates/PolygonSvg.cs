using System.Text;

namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// The released land as a small inline SVG map, drawn in UTM metres so the shape is true (degrees of longitude
/// are shorter than degrees of latitude away from the equator), with grid north up, a north arrow and a scale bar.
/// </summary>
internal static class PolygonSvg
{
    public const int Width = 400;
    public const int Height = 300;

    // Plot area inside the viewBox: room on the right for the north arrow, below for the scale bar.
    private const double Left = 44, Right = 328, Top = 30, Bottom = 250;

    public static string Render(CertificateGrid grid)
    {
        var points = grid.Rings.SelectMany(r => r.Points).ToList();
        double minE = points.Min(p => p.Easting), maxE = points.Max(p => p.Easting);
        double minN = points.Min(p => p.Northing), maxN = points.Max(p => p.Northing);
        double spanE = Math.Max(maxE - minE, 1e-3), spanN = Math.Max(maxN - minN, 1e-3);
        var scale = Math.Min((Right - Left) / spanE, (Bottom - Top) / spanN);
        var x0 = Left + ((Right - Left) - spanE * scale) / 2;
        var y0 = Top + ((Bottom - Top) - spanN * scale) / 2;
        (double X, double Y) Map(TurningPoint p) => (x0 + (p.Easting - minE) * scale, y0 + (maxN - p.Northing) * scale);

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" ")
            .Append($"aria-label=\"Map of the released land, UTM zone {grid.ZoneLabel}\">")
            .Append($"<rect class=\"map-frame\" x=\"0.5\" y=\"0.5\" width=\"{Width - 1}\" height=\"{Height - 1}\"/>");

        // One path per polygon: with evenodd, its holes are cut out of it.
        foreach (var polygon in grid.Rings.GroupBy(r => r.Polygon))
        {
            svg.Append("<path class=\"released\" fill-rule=\"evenodd\" d=\"");
            foreach (var ring in polygon)
            {
                svg.Append(string.Join(" ", ring.Points.Select((p, i) => (i == 0 ? "M" : "L") + Xy(Map(p))))).Append(" Z ");
            }

            svg.Append("\"/>");
        }

        var placed = new List<LabelBox>();
        foreach (var ring in grid.Rings)
        {
            if (ring.IsExterior)
            {
                AppendLabels(svg, ring, Map, grid.IsMulti, placed);
            }
            else
            {
                // Holes are named as in annex A; their vertices stay unlabelled so the boundary's labels read clearly.
                var mapped = ring.Points.Select(Map).ToList();
                svg.Append($"<text class=\"hole-label\" x=\"{F(mapped.Average(p => p.X))}\" y=\"{F(mapped.Average(p => p.Y) + 3.5)}\" ")
                    .Append($"text-anchor=\"middle\">H{ring.Hole}</text>");
            }
        }

        AppendNorthArrow(svg);
        AppendScaleBar(svg, scale);
        svg.Append($"<text class=\"map-note\" x=\"{Width - 8}\" y=\"{Height - 8}\" text-anchor=\"end\">")
            .Append($"WGS 84 / UTM {grid.ZoneLabel}</text></svg>");
        return svg.ToString();
    }

    private static void AppendLabels(StringBuilder svg, GridRing ring, Func<TurningPoint, (double X, double Y)> map, bool multi,
        List<LabelBox> placed)
    {
        var mapped = ring.Points.Select(map).ToList();
        double cx = mapped.Average(p => p.X), cy = mapped.Average(p => p.Y);
        if (multi)
        {
            // Vertex labels read TP1..TPn on every polygon; the polygon's own label says which table block they are in.
            svg.Append($"<text class=\"polygon-label\" x=\"{F(cx)}\" y=\"{F(cy + 4)}\" text-anchor=\"middle\">P{ring.Polygon}</text>");
            placed.Add(LabelBox.Of(cx, cy + 4, "middle", 2, 13));
        }

        for (var i = 0; i < mapped.Count; i++)
        {
            var (x, y) = mapped[i];
            svg.Append($"<circle class=\"vertex\" cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"2\"/>");

            // Push the label away from the ring's middle so it sits outside the shape.
            double dx = x - cx, dy = y - cy, length = Math.Max(Math.Sqrt(dx * dx + dy * dy), 1e-9);
            dx /= length;
            dy /= length;
            var anchor = dx > 0.35 ? "start" : dx < -0.35 ? "end" : "middle";
            double tx = x + dx * 7, ty = y + dy * 7 + (dy > 0.35 ? 10 : dy < -0.35 ? -2 : 4);
            var label = ring.Points[i].Label;
            label = label[(label.LastIndexOf('-') + 1)..];

            // Where vertices crowd, a label that would overprint one already drawn is left out: annex A lists them all.
            var box = LabelBox.Of(tx, ty, anchor, label.Length, 11);
            if (placed.Any(box.Overlaps))
            {
                continue;
            }

            placed.Add(box);
            svg.Append($"<text class=\"tp\" x=\"{F(tx)}\" y=\"{F(ty)}\" text-anchor=\"{anchor}\">").Append(label).Append("</text>");
        }
    }

    private static void AppendNorthArrow(StringBuilder svg)
    {
        const double x = 368, y = 36;
        svg.Append($"<text class=\"north\" x=\"{x}\" y=\"{y}\" text-anchor=\"middle\">N</text>")
            .Append($"<path class=\"arrow-dark\" d=\"M{x} {y + 6} L{x + 9} {y + 40} L{x} {y + 32} Z\"/>")
            .Append($"<path class=\"arrow-light\" d=\"M{x} {y + 6} L{x - 9} {y + 40} L{x} {y + 32} Z\"/>")
            .Append($"<text class=\"map-note\" x=\"{x}\" y=\"{y + 56}\" text-anchor=\"middle\">grid north</text>");
    }

    private static void AppendScaleBar(StringBuilder svg, double pixelsPerMetre)
    {
        var metres = RoundLength((Right - Left) / 4 / pixelsPerMetre);
        var length = metres * pixelsPerMetre;
        const double x = Left, y = 276;
        svg.Append($"<rect class=\"bar-dark\" x=\"{x}\" y=\"{y}\" width=\"{F(length / 2)}\" height=\"5\"/>")
            .Append($"<rect class=\"bar-light\" x=\"{F(x + length / 2)}\" y=\"{y}\" width=\"{F(length / 2)}\" height=\"5\"/>")
            .Append($"<text class=\"map-note\" x=\"{x}\" y=\"{y - 4}\" text-anchor=\"middle\">0</text>")
            .Append($"<text class=\"map-note\" x=\"{F(x + length)}\" y=\"{y - 4}\" text-anchor=\"middle\">")
            .Append(CertificateText.Number(metres, "#,0.##")).Append(" m</text>");
    }

    /// <summary>The largest 1, 2 or 5 times a power of ten not above the given length.</summary>
    internal static double RoundLength(double metres)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(metres)));
        var mantissa = metres / power;
        return (mantissa >= 5 ? 5 : mantissa >= 2 ? 2 : 1) * power;
    }

    private static string Xy((double X, double Y) p) => $"{F(p.X)} {F(p.Y)}";

    private static string F(double value) => CertificateText.Number(value, "0.#");
}
