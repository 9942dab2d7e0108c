using LandRelease.Api.Tests.Infrastructure;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>deploy/landrelease-backup.sh, the nightly timer's script, run for a run of nights on a real database.</summary>
public sealed class BackupScriptTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TenNightsKeepTheNewestDailiesTheLastSundayAndTheFirstOfTheMonthEachOneReadable()
    {
        _ = api.CreateClient();
        var folder = Directory.CreateTempSubdirectory("landrelease-backups-").FullName;
        try
        {
            for (var day = new DateOnly(2026, 11, 28); day <= new DateOnly(2026, 12, 7); day = day.AddDays(1))
            {
                await RunAsync(folder, day, Database);
            }

            Assert.Equal(["2026-12-05", "2026-12-06", "2026-12-07"], Dumps(folder, "daily"));
            Assert.Equal(["2026-12-06"], Dumps(folder, "weekly"));
            Assert.Equal(["2026-12-01"], Dumps(folder, "monthly"));
            var contents = await Ogc.ExternalTool.RunAsync("/usr/lib/postgresql/15/bin/pg_restore",
                ["-l", Path.Combine(folder, "monthly", $"{Database}-2026-12-01.dump")]);
            Assert.Contains("TABLE DATA public audit_log", contents, StringComparison.Ordinal);
            Assert.Contains("TABLE DATA hangfire job", contents, StringComparison.Ordinal);

            // A dump that fails leaves nothing behind that could pass for a backup.
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(folder, new DateOnly(2026, 12, 8), "no_such_database"));
            Assert.Contains("exited", failure.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "daily"), "*no_such_database*", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "daily"), ".*"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Database => new NpgsqlConnectionStringBuilder(api.OwnerConnectionString).Database!;

    private static string[] Dumps(string folder, string kind) => Directory.GetFiles(Path.Combine(folder, kind))
        .Select(Path.GetFileNameWithoutExtension).Select(name => name![^10..]).Order(StringComparer.Ordinal).ToArray();

    private static Task<string> RunAsync(string folder, DateOnly day, string database)
    {
        var owner = new NpgsqlConnectionStringBuilder(TestDatabases.ServerConnectionString);
        return Ogc.ExternalTool.RunAsync(DeployFiles.PathOf("landrelease-backup.sh"), [], new Dictionary<string, string>
        {
            ["PATH"] = "/usr/lib/postgresql/15/bin:" + Environment.GetEnvironmentVariable("PATH"),
            ["PGHOST"] = owner.Host!, ["PGPORT"] = owner.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = owner.Username!, ["PGPASSWORD"] = owner.Password!,
            ["BACKUP_DIR"] = folder, ["DATABASE"] = database, ["BACKUP_DATE"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["KEEP_DAILY"] = "3", ["KEEP_WEEKLY"] = "1", ["KEEP_MONTHLY"] = "1",
        });
    }
}
