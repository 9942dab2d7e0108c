using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>
/// Writes how many features an upload has read, on its own connection so a client polling the upload sees it move
/// while the staging transaction is still open.
/// </summary>
public sealed class UploadProgress(NpgsqlDataSource dataSource)
{
    /// <summary>Features between two progress writes.</summary>
    public const int Every = 5000;

    public async Task ReportAsync(Guid uploadId, int processed, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE uploads SET processed = $2 WHERE id = $1 AND state = 'RECEIVING'");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = processed });
        await command.ExecuteNonQueryAsync(ct);
    }
}
