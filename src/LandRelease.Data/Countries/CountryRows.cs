using NetTopologySuite.Geometries;
using Npgsql;

namespace LandRelease.Data.Countries;

/// <summary>The countries table as the register's checks need it.</summary>
public static class CountryRows
{
    /// <summary>Every country's full 1:10m boundary, by code (empty until the reference data is seeded).</summary>
    public static async Task<IReadOnlyList<(string Code, Geometry Boundary)>> BoundariesAsync(NpgsqlDataSource dataSource,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT code, boundary FROM countries");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, Geometry)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<Geometry>(1)));
        }

        return rows;
    }
}
