using System.Globalization;
using System.Text.Json.Nodes;
using LandRelease.Data.Reports;

namespace LandRelease.Api.Reports;

/// <summary>Published figures (<see cref="PublishedFigures"/>) as JSON and text.</summary>
internal static class FigureValues
{
    public static SortedDictionary<string, double> Published(IReadOnlyDictionary<string, double> values) => PublishedFigures.Of(values);

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
