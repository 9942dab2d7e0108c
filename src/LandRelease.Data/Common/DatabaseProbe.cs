using Npgsql;

namespace LandRelease.Data.Common;

/// <summary>Whether the database answers, and with PostGIS installed.</summary>
public static class DatabaseProbe
{
    public static async Task<string?> PostGisVersionAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT postgis_lib_version()");
        return await command.ExecuteScalarAsync(ct) as string;
    }
}
