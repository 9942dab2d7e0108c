using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// The figures of one administrative area in a period (remaining.sha.areaSqm, remaining.cha.areaSqm, remaining.areaSqm,
/// remaining.count, released.{cancelled|reduced|cleared|total}Sqm), unrounded. A null <see cref="Code"/> is the land
/// of the level outside every one of its areas (coast, slivers, a boundary file that misses some of the country), so
/// that each level's rows add up to the country's figures.
/// </summary>
public sealed record AdminAreaFigures(string? Code, string Name, int Level, string? ParentCode, SortedDictionary<string, double> Values)
{
    public const string OutsideName = "Outside any administrative area";

    public static readonly IReadOnlyList<string> Measured =
    [
        "remaining.sha.areaSqm", "remaining.cha.areaSqm", .. FigureNames.ReleaseKinds.Select(k => $"released.{k}"),
    ];

    /// <summary>Adds the totals: remaining.areaSqm (SHA + CHA) and released.totalSqm (the three kinds).</summary>
    public static SortedDictionary<string, double> WithTotals(IReadOnlyDictionary<string, double> found, bool counted)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in Measured)
        {
            values[name] = found.GetValueOrDefault(name);
        }

        if (counted)
        {
            values["remaining.count"] = found.GetValueOrDefault("remaining.count");
        }

        values["remaining.areaSqm"] = values["remaining.sha.areaSqm"] + values["remaining.cha.areaSqm"];
        values[FigureNames.ReleasedTotal] = FigureNames.ReleaseKinds.Sum(k => values[$"released.{k}"]);
        return values;
    }
}

/// <summary>Runs <see cref="AdminAreaFiguresSql"/> for every bucket of a figure computation.</summary>
internal static class AdminAreaFiguresQuery
{
    private sealed record Area(Guid Id, string Code, string Name, int Level, string? ParentCode);

    /// <summary>Null per bucket when the country has no administrative areas.</summary>
    public static async Task<List<AdminAreaFigures>?[]> ComputeAsync(NpgsqlConnection connection, string countryCode,
        IReadOnlyList<Dictionary<string, double>> countryFound, CancellationToken ct)
    {
        var areas = new List<Area>();
        await using (var list = new NpgsqlCommand(AdminAreaFiguresSql.Areas, connection))
        {
            list.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                areas.Add(new Area(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }

        if (areas.Count == 0)
        {
            return new List<AdminAreaFigures>?[countryFound.Count];
        }

        var found = countryFound.Select(_ => new Dictionary<Guid, Dictionary<string, double>>()).ToArray();
        await using (var figures = new NpgsqlCommand(AdminAreaFiguresSql.Figures, connection))
        {
            figures.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
            await using var reader = await figures.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var byArea = found[reader.GetInt32(0)];
                var values = byArea.TryGetValue(reader.GetGuid(1), out var v) ? v : byArea[reader.GetGuid(1)] = new(StringComparer.Ordinal);
                values[reader.GetString(2)] = reader.GetDouble(3);
            }
        }

        return [.. countryFound.Select((country, bucket) => Rows(areas, found[bucket], country))];
    }

    private static List<AdminAreaFigures> Rows(List<Area> areas, Dictionary<Guid, Dictionary<string, double>> found,
        IReadOnlyDictionary<string, double> country)
    {
        var rows = areas.Select(a => new AdminAreaFigures(a.Code, a.Name, a.Level, a.ParentCode,
            AdminAreaFigures.WithTotals(found.GetValueOrDefault(a.Id) ?? [], counted: true))).ToList();
        var total = AdminAreaFigures.WithTotals(country, counted: false);
        foreach (var level in areas.Select(a => a.Level).Distinct().Order())
        {
            // What no area of the level holds: the country's figure less the level's rows, so the rows add up to it.
            var outside = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in total)
            {
                var rest = value - rows.Where(r => r.Level == level).Sum(r => r.Values[name]);
                outside[name] = Math.Abs(rest) < 1e-6 ? 0 : rest;
            }

            rows.Add(new AdminAreaFigures(null, AdminAreaFigures.OutsideName, level, null, outside));
        }

        return rows;
    }
}
