using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>Runs the figure SQL for a country and a set of periods, inside the caller's transaction.</summary>
public static class ReportFiguresQuery
{
    /// <summary>Cells along the longer side of the country's bounding box on the report's map.</summary>
    public const int MapCells = 40;

    /// <summary>
    /// Figures for each bucket, as known before <paramref name="knownBefore"/> (null: everything recorded). The
    /// pipeline's credits must be current for the country (the caller holds its refresh in the same snapshot).
    /// </summary>
    public static async Task<IReadOnlyList<BucketFigures>> ComputeAsync(NpgsqlConnection connection, string countryCode,
        IReadOnlyList<ReportBucket> buckets, DateTimeOffset? knownBefore, IReadOnlyList<int> mapBuckets, CancellationToken ct)
    {
        await PrepareAsync(connection, countryCode, buckets, knownBefore, [ReportFiguresSql.Released, ReportFiguresSql.Areas], ct);

        var found = buckets.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
        await using (var figures = new NpgsqlCommand(ReportFiguresSql.Figures, connection))
        {
            figures.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
            await using var reader = await figures.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = found[reader.GetInt32(0)];
                var name = reader.GetString(1);
                values[name] = values.GetValueOrDefault(name) + reader.GetDouble(2);
            }
        }

        var adminAreas = await AdminAreaFiguresQuery.ComputeAsync(connection, countryCode, found, ct);
        var maps = mapBuckets.Count > 0 ? await MapsAsync(connection, countryCode, buckets.Count, mapBuckets, ct) : null;
        await using (var drop = new NpgsqlCommand("DROP TABLE rpt_buckets, rpt_released, rpt_areas", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        return [.. buckets.Select((b, i) => new BucketFigures(b, FigureNames.Complete(found[i]), maps?[i]) { AdminAreas = adminAreas[i] })];
    }

    /// <summary>The areas holding <paramref name="contamination"/> that remain at the end of the bucket, everything recorded.</summary>
    public static async Task<List<TreatyArea>> AreasAsync(NpgsqlConnection connection, string countryCode, ReportBucket bucket,
        string contamination, CancellationToken ct)
    {
        await PrepareAsync(connection, countryCode, [bucket], null, [ReportFiguresSql.Areas], ct);
        var areas = new List<TreatyArea>();
        await using (var command = new NpgsqlCommand(ReportFiguresSql.TreatyAreas, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contamination });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                areas.Add(new TreatyArea(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<string[]>(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6),
                    reader.GetFieldValue<DateOnly>(7)));
            }
        }

        await using var drop = new NpgsqlCommand("DROP TABLE rpt_buckets, rpt_areas", connection);
        await drop.ExecuteNonQueryAsync(ct);
        return areas;
    }

    private static async Task PrepareAsync(NpgsqlConnection connection, string countryCode, IReadOnlyList<ReportBucket> buckets,
        DateTimeOffset? knownBefore, string[] steps, CancellationToken ct)
    {
        await using (var setUp = new NpgsqlCommand(ReportFiguresSql.Buckets, connection))
        {
            setUp.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. Enumerable.Range(0, buckets.Count)] });
            setUp.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. buckets.Select(b => b.From)] });
            setUp.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = [.. buckets.Select(b => b.To)] });
            setUp.Parameters.Add(new NpgsqlParameter<DateTime?>
            {
                TypedValue = knownBefore?.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz,
            });
            await setUp.ExecuteNonQueryAsync(ct);
        }

        foreach (var sql in steps.Prepend(ReportFiguresSql.AnalyzeBuckets))
        {
            await using var step = new NpgsqlCommand(sql, connection);
            if (sql.Contains("$1", StringComparison.Ordinal))
            {
                step.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
            }

            await step.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<ReportMap?[]> MapsAsync(NpgsqlConnection connection, string countryCode, int bucketCount,
        IReadOnlyList<int> mapBuckets,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ReportFiguresSql.Map, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MapCells });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. mapBuckets] });
        var remaining = Enumerable.Range(0, bucketCount).Select(_ => new List<double[]>()).ToArray();
        var released = Enumerable.Range(0, bucketCount).Select(_ => new List<double[]>()).ToArray();
        (double West, double South, double Cell, int Columns, int Rows) grid = (0, 0, 1, 1, 1);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                grid = (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetInt32(3), reader.GetInt32(4));
                if (reader.IsDBNull(5))
                {
                    continue;
                }

                var layer = reader.GetString(6) == "remaining" ? remaining : released;
                layer[reader.GetInt32(5)].Add([reader.GetInt32(7), reader.GetInt32(8), reader.GetDouble(9)]);
            }
        }

        return [.. Enumerable.Range(0, bucketCount).Select(i => mapBuckets.Contains(i)
            ? new ReportMap(grid.West, grid.South, grid.Cell, grid.Columns, grid.Rows, remaining[i], released[i])
            : null)];
    }
}
