using Npgsql;

namespace LandRelease.Data.Reports;

/// <summary>
/// The reporting pipeline's own connection pool: a nightly rebuild of a large country runs statements for minutes,
/// past the 30 s command timeout the API's requests keep, and its connections stay off the request pool.
/// </summary>
public sealed class ReportDataSource(NpgsqlDataSource source) : IAsyncDisposable
{
    public const int CommandTimeoutSeconds = 3600;

    public NpgsqlDataSource Source => source;

    public static ReportDataSource For(string connectionString) => new(DataServiceCollectionExtensions.CreateDataSource(
        new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = CommandTimeoutSeconds }.ConnectionString));

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
