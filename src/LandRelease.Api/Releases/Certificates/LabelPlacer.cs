namespace LandRelease.Api.Releases.Certificates;

/// <summary>
/// Places turning-point labels so that none overprints another, a ring name or the frame: each label tries eight
/// positions around its vertex, the one pointing away from its ring's middle first, then the same eight further out
/// with a leader line. Only a label with no free position at all is left out (annex A lists every point).
/// </summary>
internal static class LabelPlacer
{
    private const double FontSize = 11;

    public static IReadOnlyList<PlacedLabel> Place(IReadOnlyList<List<(string Text, (double X, double Y) At)>> rings,
        IEnumerable<LabelBox> taken, (double X0, double Y0, double X1, double Y1) frame)
    {
        var placed = new List<LabelBox>(taken);
        var labels = new List<PlacedLabel>();
        foreach (var ring in rings)
        {
            double cx = ring.Average(p => p.At.X), cy = ring.Average(p => p.At.Y);
            foreach (var (text, (x, y)) in ring)
            {
                var outward = Math.Atan2(y - cy, x - cx);
                var label = Candidates(outward).Select(c => Candidate(text, x, y, c.Angle, c.Radius))
                    .FirstOrDefault(c => Inside(c.Box, frame) && !placed.Any(c.Box.Overlaps));
                if (label.Box == default)
                {
                    continue;
                }

                placed.Add(label.Box);
                labels.Add(label.Label);
            }
        }

        return labels;
    }

    private static readonly double[] Radii = [7.0, 18.0, 30.0];
    private static readonly int[] Steps = [0, 1, -1, 2, -2, 3, -3, 4];

    private static IEnumerable<(double Angle, double Radius)> Candidates(double outward) =>
        from radius in Radii
        from step in Steps
        select (outward + step * Math.PI / 4, radius);

    private static (LabelBox Box, PlacedLabel Label) Candidate(string text, double x, double y, double angle, double radius)
    {
        double dx = Math.Cos(angle), dy = Math.Sin(angle);
        var anchor = dx > 0.35 ? "start" : dx < -0.35 ? "end" : "middle";
        double tx = x + dx * radius, ty = y + dy * radius + (dy > 0.35 ? 8 : dy < -0.35 ? -1 : 4);
        var box = LabelBox.Of(tx, ty, anchor, text.Length, FontSize);
        return (box, new PlacedLabel(text, tx, ty, anchor, x, y, radius > 7.0));
    }

    private static bool Inside(LabelBox box, (double X0, double Y0, double X1, double Y1) frame) =>
        box.X0 >= frame.X0 + 2 && box.Y0 >= frame.Y0 + 2 && box.X1 <= frame.X1 - 2 && box.Y1 <= frame.Y1 - 2;
}
