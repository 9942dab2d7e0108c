using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using Npgsql;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Operations;

/// <summary>An API host on a database the test chose (a private cluster's), dropping nothing when disposed.</summary>
public sealed class ClusterApiFactory(string ownerConnectionString) : ApiFactory
{
    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(ownerConnectionString);

    protected override bool DropsDatabase => false;
}

/// <summary>
/// The database stops a merge for a reason a retry would meet again (a statement past statement_timeout, a full
/// disk): the upload ends FAILED with a reason a surveyor can pass on, the request gets no 500, and nothing of the
/// upload is in the register, its audit log or its staging.
/// </summary>
public sealed class StoppedMergeTests
{
    private const int Features = 40;

    [Fact]
    public async Task AMergePastTheStatementTimeoutEndsFailedWithItsReasonAndWritesNothing()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        // What an administrator sets for the application role or its database: no statement may run past it.
        var database = new NpgsqlConnectionStringBuilder(api.OwnerConnectionString).Database;
        await api.OwnerScalarAsync<int>($"ALTER DATABASE {database} SET statement_timeout = '1500ms'; SELECT 1");
        using var client = api.CreateClient();
        await client.EnsureOrganisationAsync("CMAC", "KHM");
        var before = await FootprintAsync(api);

        // Another task holds the register's table: the merge's insert waits, and the timeout stops it.
        await using (var holder = new NpgsqlConnection(api.OwnerConnectionString))
        {
            await holder.OpenAsync(Ct);
            await using var transaction = await holder.BeginTransactionAsync(Ct);
            await using (var hold = new NpgsqlCommand("SET LOCAL statement_timeout = 0; LOCK TABLE hazard_areas IN EXCLUSIVE MODE", holder, transaction))
            {
                await hold.ExecuteNonQueryAsync(Ct);
            }

            var batch = UploadDatabase.NewBatch("STO");
            using var response = await client.UploadRawAsync(Grid(batch), UploadApi.KhmCmac);
            await AssertStoppedAsync(response, "statement_timeout");
        }

        Assert.Equal(before, await FootprintAsync(api));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM upload_staged_areas"));
    }

    [Fact]
    public async Task AMergeThatFillsTheDiskEndsFailedWithItsReasonWritesNothingAndTheSameFileGoesInOnceThereIsRoom()
    {
        Assert.SkipUnless(Environment.UserName == "root", "mounting the small filesystem the register is moved to needs root");
        await using var cluster = await PrivateCluster.StartAsync();
        var small = Directory.CreateDirectory(Path.Combine(cluster.Directory, "small")).FullName;
        var postgres = (await PrivateCluster.AsOwnerAsync("/usr/bin/id", "-u")).Trim();
        await Ogc.ExternalTool.RunAsync("/usr/bin/mount", ["-t", "tmpfs", "-o", $"size=1m,mode=0700,uid={postgres}", "tmpfs", small]);
        cluster.AfterStop.Add(() => Ogc.ExternalTool.RunAsync("/usr/bin/umount", [small]));

        // The register's tables on a 1 MiB filesystem, filled to the last byte; the upload's own row stays elsewhere.
        await cluster.SuperuserAsync($"CREATE TABLESPACE small LOCATION '{small}'");
        await cluster.SuperuserAsync("""
            ALTER TABLE hazard_areas SET TABLESPACE small;
            ALTER TABLE hazard_area_versions SET TABLESPACE small;
            CREATE TABLE filler (x text) TABLESPACE small;
            """);
        await FillAsync(cluster);

        await using var api = new ClusterApiFactory(cluster.OwnerConnectionString);
        await api.InitializeAsync();
        using var client = api.CreateClient();
        await client.EnsureOrganisationAsync("CMAC", "KHM");
        var before = await FootprintAsync(api);
        var batch = UploadDatabase.NewBatch("DSK");
        using (var response = await client.UploadRawAsync(Grid(batch), UploadApi.KhmCmac))
        {
            await AssertStoppedAsync(response, "disk is full", () => cluster.Log);
        }

        Assert.Equal(before, await FootprintAsync(api));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM upload_staged_areas"));

        await cluster.SuperuserAsync("DROP TABLE filler");
        using var again = await client.UploadRawAsync(Grid(batch), UploadApi.KhmCmac);
        Assert.Equal("DONE", (await again.AssertJsonAsync(HttpStatusCode.Accepted)).State());
        Assert.Equal(Features, await api.AreasAsync(batch));
    }

    private static async Task AssertStoppedAsync(HttpResponseMessage response, string reason, Func<string>? serverLog = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}\n{serverLog?.Invoke()}");
        var status = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        Assert.Equal("FAILED", status.State());
        var problem = status.GetProperty("problem");
        Assert.Equal("upload-merge-stopped", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        Assert.Contains("Nothing of it was stored", detail, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, problem.ValueKind);
    }

    /// <summary>Rows of 960 bytes (below TOAST's threshold, so stored as they are) until the filesystem refuses one more page.</summary>
    private static async Task FillAsync(PrivateCluster cluster)
    {
        for (var i = 0; i < 10_000; i++)
        {
            try
            {
                await cluster.SuperuserAsync("INSERT INTO filler SELECT repeat(md5(random()::text), 30) FROM generate_series(1, 8)");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DiskFull)
            {
                return;
            }
        }

        Assert.Fail("the 1 MiB filesystem never filled");
    }

    private static async Task<(long Areas, long Versions, long Audit, long Features)> FootprintAsync(ApiFactory api) => (
        await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas"),
        await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions"),
        await api.ScalarAsync<long>("SELECT count(*) FROM audit_log"),
        await api.ScalarAsync<long>("SELECT count(*) FROM upload_features"));

    private static byte[] Grid(string batch) => GeoJsonFile.Of(Enumerable.Range(0, Features)
        .Select(i => new AreaRow($"{batch}-{i:00}", UploadFiles.Square(102.9 + i % 20 * 0.004, 13.3 + i / 20 * 0.004, 0.002))));
}
