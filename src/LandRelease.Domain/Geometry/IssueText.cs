namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

/// <summary>Wording shared by the checks, so every message names places the same way.</summary>
public static class IssueText
{
    public static string RingName(int polygon, int ring) => $"Ring {ring + 1} of polygon {polygon + 1}";

    // Spelled out because "13.2, 103.1" is exactly the ambiguity that produces swapped coordinates.
    public static string At(Coordinate c) => $"(longitude {Degrees(c.X)}, latitude {Degrees(c.Y)})";

    /// <summary>
    /// 7 decimals (about 1 cm), the way a surveyor reads them: 13.100678, not 13.100677999999998. A value no survey
    /// could hold (beyond 10^9) is written in exponent form, not as three hundred digits.
    /// </summary>
    public static string Degrees(double value) => value.ToString(
        Math.Abs(value) >= 1e9 ? "0.###E+0" : "0.#######", System.Globalization.CultureInfo.InvariantCulture);

    public static string Kilometres(double metres)
    {
        double km = metres / 1000;
        return km < 100 ? $"{km:0.0} km" : $"{km:0} km";
    }

    public static string Count(int n, string singular, string plural) => n == 1 ? $"1 {singular}" : $"{n} {plural}";

    public static GeometryIssue Issue(string rule, string message, Coordinate? location) =>
        location is null ? new(rule, message) : new(rule, message, location.X, location.Y);
}
