namespace LandRelease.Web.Reports;

/// <summary>A class of the map's shading: states with remaining land up to <see cref="UpTo"/> m².</summary>
public sealed record MapClass(double UpTo, string Color, string Label);

/// <summary>
/// Classes for shading states by remaining contaminated land: "none remaining", then four classes a power of ten
/// apart below the largest figure (contamination spans orders of magnitude between states), in round numbers.
/// </summary>
public static class MapClasses
{
    private static readonly string[] Colors = ["#fff3e0", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"];

    public static IReadOnlyList<MapClass> For(IEnumerable<double> remaining)
    {
        var max = remaining.DefaultIfEmpty(0).Max();
        var top = RoundUp(Math.Max(max, 1));
        double[] bounds = [top / 1000, top / 100, top / 10, top];
        var classes = new List<MapClass> { new(0, Colors[0], "None remaining") };
        for (var i = 0; i < bounds.Length; i++)
        {
            var from = i == 0 ? "up to" : $"{Figures.Area(bounds[i - 1])} –";
            classes.Add(new MapClass(bounds[i], Colors[i + 1], $"{from} {Figures.Area(bounds[i])}"));
        }

        return classes;
    }

    public static int IndexOf(IReadOnlyList<MapClass> classes, double sqm)
    {
        var index = classes.ToList().FindIndex(c => sqm <= c.UpTo);
        return index < 0 ? classes.Count - 1 : index;
    }

    /// <summary>1, 2 or 5 times a power of ten, at or above the value.</summary>
    public static double RoundUp(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var mantissa = value / power;
        return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
    }
}
