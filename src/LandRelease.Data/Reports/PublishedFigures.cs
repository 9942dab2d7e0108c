namespace LandRelease.Data.Reports;

/// <summary>Figures as published: m² to the hundredth, counts whole, and each total the sum of its published parts.</summary>
public static class PublishedFigures
{
    private static readonly string[] TotalPrefixes =
        ["released.", .. FigureNames.Contaminations.Select(c => $"released.byContamination.{c}.")];

    public static SortedDictionary<string, double> Of(IReadOnlyDictionary<string, double> values)
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
}
