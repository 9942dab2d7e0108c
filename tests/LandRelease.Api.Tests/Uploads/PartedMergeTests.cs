using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.HazardAreas;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Uploads over the inline limit merged in parts of four features, three parts at a time.</summary>
public sealed class PartedMergeFactory : SmallInlineLimitFactory
{
    public const int PartFeatures = 4;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MergePartFeatures", PartFeatures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Uploads:MergeParallelism", "3");
    }
}

/// <summary>A large upload that is not atomic is merged in parts on several connections: every feature once, the report whole.</summary>
public sealed class PartedMergeTests(PartedMergeFactory api) : IClassFixture<PartedMergeFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task OtherMergerAsync(NpgsqlConnection connection, string function, Guid uploadId)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(hashtext('upload-merge'), hashtext($1::text))", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private Task<long> UploadOutboxRowsAsync() => api.ScalarAsync<long>("SELECT count(*) FROM report_dirty WHERE cause = 'UPLOAD'");

    private async Task<Guid> QueuedAsync(byte[] file, string query = KhmCmac) =>
        (await (await _client.UploadRawAsync(file, query)).AssertJsonAsync(HttpStatusCode.Accepted)).Id();

    [Fact]
    public async Task EveryFeatureLandsOnceAndTheReportListsEachInOrder()
    {
        var batch = UploadDatabase.NewBatch("PART");
        var uploadId = await QueuedAsync(BackgroundMerge.Areas(batch, 14, badIndex: 5));
        var outboxBefore = await UploadOutboxRowsAsync();

        await api.RunMergeJobAsync(uploadId);
        var trace = await api.MergeTraceAsync(batch, uploadId);
        await api.RunMergeJobAsync(uploadId);

        // Each part tells the reports of its own changes, in its own transaction: four parts, four outbox rows.
        Assert.Equal(4L, await UploadOutboxRowsAsync() - outboxBefore);

        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("DONE", 13, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(Enumerable.Range(0, 14), status.Lines().Select(l => l.GetProperty("index").GetInt32()));
        Assert.Equal(("REJECTED", "unreadable-attribute"), (status.Line(5).Outcome(), status.Line(5).Rule()));
        Assert.Equal((13L, 13L, 13L), await api.FootprintAsync(batch));
        Assert.Equal(0L, await api.StagedRowsAsync(uploadId));
        Assert.Equal(trace, await api.MergeTraceAsync(batch, uploadId));
    }

    [Fact]
    public async Task PartsMergedBeforeACrashAreNotMergedAgainAndTheRestFollow()
    {
        var batch = UploadDatabase.NewBatch("PART-CRASH");
        var uploadId = await QueuedAsync(BackgroundMerge.Areas(batch, 10));
        using (var scope = api.Services.CreateScope())
        {
            // The first part commits, then the process dies before the others.
            var writer = scope.ServiceProvider.GetRequiredService<HazardAreaWriter>();
            var parts = await writer.PartsAsync(uploadId, PartedMergeFactory.PartFeatures, TestContext.Current.CancellationToken);
            Assert.Equal(3, parts!.Count);
            await writer.MergePartAsync(uploadId, parts[0], TestContext.Current.CancellationToken);
        }

        Assert.Equal((4L, "PROCESSING"), (await api.AreasAsync(batch), (await _client.UploadStatusAsync(uploadId)).State()));

        await api.RunMergeJobAsync(uploadId);

        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("DONE", 10, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(10, status.Lines().Count);
        Assert.Equal((10L, 10L, 10L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task StagedFeaturesLostBeforeTheirMergeMakeTheUploadFailedNotDone()
    {
        var batch = UploadDatabase.NewBatch("PART-LOST");
        var uploadId = await QueuedAsync(BackgroundMerge.Areas(batch, 10));
        // What a database crash does to the unlogged staging table: the rows are gone.
        await api.ScalarAsync<long>("WITH gone AS (DELETE FROM upload_staged_areas WHERE upload_id = $1 AND index >= 6 RETURNING 1) SELECT count(*) FROM gone", uploadId);

        await api.RunMergeJobAsync(uploadId);

        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("FAILED", 6, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(6, status.Lines().Count);
        Assert.Contains("before 4 of the 10 features were merged", status.GetProperty("problem").GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Equal((6L, 6L, 6L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task RevisionsMergedInPartsAreUpdatedOrUnchangedAsTheyState()
    {
        var batch = UploadDatabase.NewBatch("PART-REV");
        var first = await QueuedAsync(BackgroundMerge.Areas(batch, 9));
        await api.RunMergeJobAsync(first);
        var renamed = GeoJsonFile.Of(Enumerable.Range(0, 9).Select(i => new AreaRow($"{batch}-{i:00}", UploadFiles.Square(102.9 + i * 0.004, 13.5, 0.002))
        {
            Name = i % 2 == 0 ? $"Resurveyed {i}" : $"Field {batch}-{i:00}",
        }));

        var second = await QueuedAsync(renamed);
        await api.RunMergeJobAsync(second);

        var status = await _client.UploadStatusAsync(second);
        Assert.Equal(Enumerable.Range(0, 9).Select(i => i % 2 == 0 ? "UPDATED" : "UNCHANGED"),
            status.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal((9L, 14L, 14L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task WhileAnotherMergerHoldsTheUploadThisOneLeavesItAlone()
    {
        var batch = UploadDatabase.NewBatch("PART-LOCK");
        var uploadId = await QueuedAsync(BackgroundMerge.Areas(batch, 8));
        // Another node's merger holds the upload's lock on its own session.
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync(TestContext.Current.CancellationToken);
        await OtherMergerAsync(other, "pg_advisory_lock", uploadId);

        await api.RunMergeJobAsync(uploadId);
        Assert.Equal((0L, 8L), (await api.AreasAsync(batch), await api.StagedRowsAsync(uploadId)));

        // Released by the statement, not by closing the connection: a closed session's locks go only when its
        // server process has ended, a moment later.
        await OtherMergerAsync(other, "pg_advisory_unlock", uploadId);
        await api.RunMergeJobAsync(uploadId);
        Assert.Equal(("DONE", 8L), ((await _client.UploadStatusAsync(uploadId)).State(), await api.AreasAsync(batch)));
    }

    [Fact]
    public async Task AnAtomicUploadLargerThanAPartIsStillOneTransaction()
    {
        var batch = UploadDatabase.NewBatch("PART-ATOM");
        var uploadId = await QueuedAsync(BackgroundMerge.Areas(batch, 12, badIndex: 10), KhmCmac + "&atomic=true");

        await api.RunMergeJobAsync(uploadId);

        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("FAILED", 0, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }
}
