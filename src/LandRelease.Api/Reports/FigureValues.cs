using System.Globalization;
using System.Text.Json.Nodes;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports;

/// <summary>Figures as published: m² to the hundredth, counts whole, and each total the sum of its published parts.</summary>
internal static class FigureValues
{
    private static readonly string[] TotalPrefixes =
        ["released.", .. FigureNames.Contaminations.Select(c => $"released.byContamination.{c}.")];

    public static SortedDictionary<string, double> Published(IReadOnlyDictionary<string, double> values)
    {
        var published = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            published[name] = FigureNames.IsCount(name) ? Math.Round(value) : Math.Round(value, 2);
        }

        // Treaty tables need cancelled + reduced + cleared = total exactly, after rounding too.
        foreach (var prefix in TotalPrefixes)
        {
            if (published.ContainsKey(prefix + "totalSqm"))
            {
                published[prefix + "totalSqm"] = Math.Round(FigureNames.ReleaseKinds.Sum(k => published.GetValueOrDefault(prefix + k)), 2);
            }
        }

        return published;
    }

    /// <summary>The figures under <paramref name="prefix"/> as nested JSON: "remaining.sha.count" becomes remaining → sha → count.</summary>
    public static JsonObject Nest(IReadOnlyDictionary<string, double> published, string prefix)
    {
        var root = new JsonObject();
        // The main figures first, their breakdowns (byContamination, byKind) after them.
        foreach (var (name, value) in published.Where(v => v.Key.StartsWith(prefix + ".", StringComparison.Ordinal))
                     .OrderBy(v => v.Key.Contains(".by", StringComparison.Ordinal)))
        {
            var parts = name[(prefix.Length + 1)..].Split('.');
            var node = root;
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = FigureNames.IsCount(name) ? JsonValue.Create((long)value) : JsonValue.Create(value);
        }

        return root;
    }

    public static string Text(double value, string name) =>
        FigureNames.IsCount(name) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
