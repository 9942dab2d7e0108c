using Npgsql;

namespace LandRelease.Data.HazardAreas;

/// <summary>The register's areas an upload's local ids name, one query per batch of features.</summary>
public static class HazardAreaLookup
{
    public sealed record RegisteredArea(Guid Id, int Version, string OrganisationCode, string Status);

    public static async Task<Dictionary<string, RegisteredArea>> ByLocalIdsAsync(NpgsqlDataSource dataSource, string countryCode,
        string[] localIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT local_id, id, version, organisation_code, status FROM hazard_areas
            WHERE country_code = $1 AND local_id = ANY($2)
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = countryCode });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = localIds });
        var found = new Dictionary<string, RegisteredArea>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = new RegisteredArea(reader.GetGuid(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));
        }

        return found;
    }
}
