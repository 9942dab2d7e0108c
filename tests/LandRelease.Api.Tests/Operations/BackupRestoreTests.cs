using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Reports;
using LandRelease.Data.Roles;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// `./landrelease db backup` of a database with a register, decisions, an audit trail and report snapshots, restored by
/// `./landrelease db restore --database` into a new database: the API on the copy reads exactly what it read before,
/// and, still as the application role, can write but not rewrite history.
/// </summary>
public sealed class BackupRestoreTests(SampledApiFactory api) : IClassFixture<SampledApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARestoredBackupReadsTheSameAndTheApplicationRoleCanStillWriteButNotRewriteHistory()
    {
        var client = api.CreateClient();
        await client.EnsureOperatorAsync();
        var area = await client.NewAreaAsync("LAO", ReportTestApi.Cells("LAO", 0, 0, 2, 2));
        await client.ReleasedAsync(area, "CLEARED", ReportTestApi.Cells("LAO", 0, 0, 1, 2), "2024-05-01");
        foreach (var country in DatabaseSnapshot.Countries)
        {
            await api.RefreshAsync(country);
        }

        // A treaty table is stored as a snapshot when first read (fromSnapshot then says true): read once so both sides have it.
        await DatabaseSnapshot.TakeAsync(api);
        var before = await DatabaseSnapshot.TakeAsync(api);
        Assert.True(before.RowCounts["public.audit_log"] > 0 && before.RowCounts["public.report_credits"] > 0, "the data to back up is there");

        var file = Path.Combine(Path.GetTempPath(), $"landrelease-restore-test-{Guid.NewGuid():N}.dump");
        var target = TestDatabases.NewName("restored");
        try
        {
            await LandreleaseScript.RunAsync("db", "backup", file, "--database", new NpgsqlConnectionStringBuilder(api.OwnerConnectionString).Database!);
            await LandreleaseScript.RunAsync("db", "restore", file, "--database", target);
        }
        finally
        {
            File.Delete(file);
        }

        await using var restored = new RestoredApiFactory(TestDatabases.ConnectionStringFor(target));
        await restored.InitializeAsync();
        var after = await DatabaseSnapshot.TakeAsync(restored);

        AssertSame(before.ApiReads, after.ApiReads);
        AssertSame(before.RowCounts, after.RowCounts);
        AssertSame(before.HistoryDigests, after.HistoryDigests);
        AssertSame(before.Privileges, after.Privileges);

        await AssertTheApplicationRoleStillWritesAsync(restored, before.RowCounts["public.audit_log"]);
        await AssertHistoryIsStillProtectedAsync(restored);
    }

    /// <summary>Key by key, so a failure names the read or table that differs.</summary>
    private static void AssertSame<T>(IReadOnlyDictionary<string, T> before, IReadOnlyDictionary<string, T> after)
    {
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (key, value) in before)
        {
            Assert.True(Equals(value, after[key]), $"{key} differs after the restore:\nbefore: {value}\nafter:  {after[key]}");
        }
    }

    private static async Task AssertTheApplicationRoleStillWritesAsync(RestoredApiFactory restored, long auditRowsBefore)
    {
        var client = restored.CreateClient();
        var lastAuditId = await restored.ScalarAsync<long>("SELECT max(id) FROM audit_log");
        var area = await client.NewAreaAsync("LAO", ReportTestApi.Cells("LAO", 3, 0, 4, 1));
        await client.ReleasedAsync(area, "REDUCED", ReportTestApi.Cells("LAO", 3, 0, 4, 1), "2024-06-01");
        var refresh = await restored.RefreshAsync("LAO");

        Assert.True(await restored.ScalarAsync<long>("SELECT count(*) FROM audit_log") > auditRowsBefore);
        // The sequences came back with the data: new audit rows follow the old ones.
        Assert.True(await restored.ScalarAsync<long>("SELECT min(id) FROM audit_log WHERE entity_id = $1", area) > lastAuditId);
        Assert.True(refresh.ConsumedRows > 0, "the refresh read the new outbox rows");
        Assert.Equal(0L, await restored.DirtyRowsAsync("LAO"));
    }

    private static async Task AssertHistoryIsStillProtectedAsync(RestoredApiFactory restored)
    {
        await using var app = NpgsqlDataSource.Create(restored.ConnectionString);
        Assert.False((await RolePowers.ReadAsync(app, Ct)).OwnsAnything);
        foreach (var sql in new[] { "UPDATE audit_log SET reason = reason", "ALTER TABLE audit_log DISABLE TRIGGER ALL", "TRUNCATE audit_log" })
        {
            await using var command = app.CreateCommand(sql);
            var refusal = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.True(refusal.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refusal.SqlState} {refusal.MessageText}");
        }

        // The triggers came back too: even the owner cannot edit an audit row.
        await using var owner = NpgsqlDataSource.Create(restored.OwnerConnectionString);
        await using var edit = owner.CreateCommand("UPDATE audit_log SET reason = 'edited' WHERE id = (SELECT min(id) FROM audit_log)");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => edit.ExecuteNonQueryAsync(Ct));
        Assert.Contains("audit", refused.MessageText, StringComparison.OrdinalIgnoreCase);
    }
}
