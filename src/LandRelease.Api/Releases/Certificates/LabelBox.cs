namespace LandRelease.Api.Releases.Certificates;

/// <summary>The approximate extent of a line of text, to keep labels from overprinting.</summary>
public readonly record struct LabelBox(double X0, double Y0, double X1, double Y1)
{
    public static LabelBox Of(double x, double baseline, string anchor, int characters, double fontSize)
    {
        var width = characters * fontSize * 0.62;
        var left = anchor switch { "start" => x, "end" => x - width, _ => x - width / 2 };
        return new LabelBox(left - 1, baseline - fontSize * 0.8 - 1, left + width + 1, baseline + fontSize * 0.2 + 1);
    }

    public bool Overlaps(LabelBox other) => X0 < other.X1 && other.X0 < X1 && Y0 < other.Y1 && other.Y0 < Y1;
}
