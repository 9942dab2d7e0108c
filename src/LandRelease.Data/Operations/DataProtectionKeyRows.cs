using Npgsql;

namespace LandRelease.Data.Operations;

/// <summary>
/// ASP.NET Core's data-protection key ring (what signs sign-in cookies and antiforgery tokens) kept in the database, so
/// every API node of one database shares it: a cookie issued by one node is read by the next. Keys are only ever added
/// (each has its own expiry inside its XML); the table is made by a migration (DataProtectionKeys).
/// </summary>
public static class DataProtectionKeyRows
{
    public const string Table = "data_protection_keys";

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
