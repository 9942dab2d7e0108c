using Npgsql;

namespace LandRelease.Data.Common;

/// <summary>
/// A pool for reads of one row by its key. Their best plan never depends on the key, so PostgreSQL may keep the
/// generic plan of each prepared statement, where the request pool plans every statement afresh for the bbox pages'
/// sake: planning was half of a feature read by id (0.128 against 0.067 ms a read, measured with pgbench).
/// </summary>
public sealed class KeyReadDataSource(NpgsqlDataSource source) : IAsyncDisposable
{
    public NpgsqlDataSource Source => source;

    public static KeyReadDataSource For(string connectionString) =>
        new(DataServiceCollectionExtensions.CreateDataSource(connectionString, customPlans: false));

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
