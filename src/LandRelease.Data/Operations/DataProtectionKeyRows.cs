using Npgsql;

namespace LandRelease.Data.Operations;

/// <summary>
/// ASP.NET Core's data-protection key ring (what signs sign-in cookies and antiforgery tokens) kept in the database, so
/// every API node of one database shares it: a cookie issued by one node is read by the next. Keys are only ever added
/// (each has its own expiry inside its XML); the owner creates the table at the migrate step, like Hangfire's schema.
/// </summary>
public static class DataProtectionKeyRows
{
    public const string Table = "data_protection_keys";

    public const string CreateTable = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name text NOT NULL,
            xml text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT clock_timestamp())
        """;

    public static async Task CreateTableAsync(NpgsqlConnection owner, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(CreateTable, owner);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static IReadOnlyList<string> ReadAll(NpgsqlDataSource dataSource)
    {
        using var command = dataSource.CreateCommand($"SELECT xml FROM {Table} ORDER BY id");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public static void Add(NpgsqlDataSource dataSource, string friendlyName, string xml)
    {
        using var command = dataSource.CreateCommand($"INSERT INTO {Table} (friendly_name, xml) VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = friendlyName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = xml });
        command.ExecuteNonQuery();
    }
}
