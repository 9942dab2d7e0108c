using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LandRelease.Data.Uploads;

/// <summary>
/// One merger per upload at a time, whichever node it runs on: a session advisory lock on the context's connection,
/// released on dispose, or with the connection if the process dies, so a retry or the sweep takes over.
/// </summary>
public sealed class UploadMergeLock : IAsyncDisposable
{
    private const string Key = "hashtext('upload-merge'), hashtext($1::text)";
    private readonly LandReleaseDbContext _db;
    private readonly Guid _uploadId;

    private UploadMergeLock(LandReleaseDbContext db, Guid uploadId) => (_db, _uploadId) = (db, uploadId);

    /// <summary>Null (and the connection closed again) when another merger holds the upload.</summary>
    public static async Task<UploadMergeLock?> TryTakeAsync(LandReleaseDbContext db, Guid uploadId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        if (await AdvisoryAsync(db, $"SELECT pg_try_advisory_lock({Key})", uploadId, ct))
        {
            return new UploadMergeLock(db, uploadId);
        }

        await db.Database.CloseConnectionAsync();
        return null;
    }

    /// <summary>
    /// Uploads marked PROCESSING whose lock no session holds: their merge was cut (a lost connection, a database restart,
    /// a killed worker) and nobody is at work on them, however recent. A merge marks PROCESSING only under the lock.
    /// </summary>
    public static async Task<List<Guid>> UnheldProcessingAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        // A two-key advisory lock shows in pg_locks as classid, objid (as oid) and objsubid 2.
        await using var command = dataSource.CreateCommand("""
            SELECT u.id FROM uploads u
            WHERE u.state = 'PROCESSING' AND NOT EXISTS (
                SELECT 1 FROM pg_locks l
                WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND l.classid = hashtext('upload-merge')::oid AND l.objid = hashtext(u.id::text)::oid AND l.objsubid = 2)
            ORDER BY u.created_at LIMIT 100
            """);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        // A failed merge (a full disk) may leave the connection closed: unlocking it then would hide the failure behind
        // "Connection is not open". Pooled connections skip the reset on return (NoResetOnClose), so a closed one may sit
        // idle in the pool still holding the lock, and the sweep would take the upload for one being merged: clearing the
        // pool ends the idle sessions, and their locks with them (a rare path, so the cost of new connections is small).
        if (_db.Database.GetDbConnection() is NpgsqlConnection { State: not System.Data.ConnectionState.Open } closed)
        {
            NpgsqlConnection.ClearPool(closed);
            return;
        }

        try
        {
            await AdvisoryAsync(_db, $"SELECT pg_advisory_unlock({Key})", _uploadId, CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> AdvisoryAsync(LandReleaseDbContext db, string sql, Guid uploadId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
