namespace LandRelease.Data.Reports;

/// <summary>
/// Figures by administrative area as published: each area's m² to the hundredth, and each level's "outside" row the
/// country's published figure less the level's published rows, so that the rows of a level add up to the country's
/// figures exactly, after rounding too.
/// </summary>
public static class PublishedAdminAreas
{
    public static IReadOnlyList<AdminAreaFigures> Of(IReadOnlyList<AdminAreaFigures>? rows, IReadOnlyDictionary<string, double> publishedCountry)
    {
        if (rows is null)
        {
            return [];
        }

        var published = rows.Where(r => r.Code is not null).Select(r => r with { Values = Round(r.Values) }).ToList();
        foreach (var level in rows.Where(r => r.Code is null).Select(r => r.Level))
        {
            var rest = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var name in AdminAreaFigures.Measured)
            {
                rest[name] = Math.Round(publishedCountry.GetValueOrDefault(name)
                                        - published.Where(r => r.Level == level).Sum(r => r.Values[name]), 2);
            }

            published.Add(new AdminAreaFigures(null, AdminAreaFigures.OutsideName, level, null, Round(AdminAreaFigures.WithTotals(rest, counted: false))));
        }

        return published;
    }

    private static SortedDictionary<string, double> Round(IReadOnlyDictionary<string, double> values)
    {
        var rounded = values.ToDictionary(v => v.Key, v => FigureNames.IsCount(v.Key) ? Math.Round(v.Value) : Math.Round(v.Value, 2),
            StringComparer.Ordinal);
        return AdminAreaFigures.WithTotals(rounded, rounded.ContainsKey("remaining.count")) is var totals
            ? new SortedDictionary<string, double>(totals.ToDictionary(t => t.Key, t => Math.Round(t.Value, 2)), StringComparer.Ordinal)
            : totals;
    }
}
