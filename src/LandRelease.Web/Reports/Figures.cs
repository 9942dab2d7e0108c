using System.Globalization;

namespace LandRelease.Web.Reports;

/// <summary>How the pages write figures: m² whole with separators, large areas in ha or km² for reading at a glance.</summary>
public static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public const string NoData = "No data reported";

    public static string Sqm(double sqm) => sqm.ToString("#,0", Invariant);

    public static string Count(double count) => count.ToString("#,0", Invariant);

    /// <summary>An area in the unit that keeps it short: km² from 1 km², ha from 1 ha, else m².</summary>
    public static string Area(double sqm) => sqm switch
    {
        >= 1_000_000 => (sqm / 1_000_000).ToString(sqm >= 100_000_000 ? "#,0" : "#,0.##", Invariant) + " km²",
        >= 10_000 => (sqm / 10_000).ToString("#,0.#", Invariant) + " ha",
        _ => Sqm(sqm) + " m²",
    };

    /// <summary>A figure of a state or of the region; null figures (no data reported) have no value.</summary>
    public static double Value(IReadOnlyDictionary<string, double>? values, string name) => values?.GetValueOrDefault(name) ?? 0;

    public static double Remaining(IReadOnlyDictionary<string, double>? values) =>
        Value(values, "remaining.sha.areaSqm") + Value(values, "remaining.cha.areaSqm");

    public static double Destroyed(IReadOnlyDictionary<string, double>? values) =>
        Data.Reports.FigureNames.DeviceTypes.Sum(t => Value(values, $"devices.destroyed.{t}"));
}
