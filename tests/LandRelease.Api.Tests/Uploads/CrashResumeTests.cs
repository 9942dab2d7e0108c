using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Uploads;
using LandRelease.Data.HazardAreas;
using LandRelease.Data.Uploads;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// A process that dies between the parts of a merge: the upload reads what has landed meanwhile, and the next start
/// of the API finishes it at once; a merge cut while every node lives on (a database restart) is resumed by the sweep's
/// next round, however recent, once no merger holds it.
/// </summary>
public sealed class CrashResumeTests(PartedMergeFactory api) : IClassFixture<PartedMergeFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Queues an upload of ten features with one bad, merges its first part of four, then "dies".</summary>
    private async Task<Guid> HalfMergedAsync(string batch)
    {
        var response = await _client.UploadRawAsync(BackgroundMerge.Areas(batch, 10, badIndex: 2), KhmCmac);
        var uploadId = (await response.AssertJsonAsync(HttpStatusCode.Accepted)).Id();
        using var scope = api.Services.CreateScope();
        var writer = scope.ServiceProvider.GetRequiredService<HazardAreaWriter>();
        var parts = await writer.PartsAsync(uploadId, PartedMergeFactory.PartFeatures, Ct);
        await writer.MergePartAsync(uploadId, parts![0], Ct);
        return uploadId;
    }

    [Fact]
    public async Task AHalfMergedUploadReportsTheFeaturesThatLandedNotZero()
    {
        var batch = UploadDatabase.NewBatch("RES-PROG");
        var uploadId = await HalfMergedAsync(batch);

        var status = await _client.UploadStatusAsync(uploadId);

        Assert.Equal(("PROCESSING", 3, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(3L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task TheNextStartOfTheApiFinishesAHalfMergedUpload()
    {
        var batch = UploadDatabase.NewBatch("RES-START");
        var uploadId = await HalfMergedAsync(batch);

        // Another process on the same database, as after a restart.
        await using var restarted = api.WithWebHostBuilder(_ => { });
        _ = restarted.Server;
        await WaitUntilAsync(async () => (await _client.UploadStatusAsync(uploadId)).State() == "DONE");

        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal((9, 1), (status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((9L, 9L, 9L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task TheSweepResumesAMergeCutShortOnceNoMergerHoldsIt()
    {
        var batch = UploadDatabase.NewBatch("RES-SWEEP");
        var uploadId = await HalfMergedAsync(batch);

        // Another node's merger still at work on it (its session holds the upload's lock): the sweep leaves it alone.
        await using var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.ConnectionString) { Pooling = false }.ConnectionString);
        await other.OpenAsync(Ct);
        await MergeLockAsync(other, "pg_advisory_lock", uploadId);
        Assert.DoesNotContain(uploadId, await UploadMergeLock.UnheldProcessingAsync(api.Services.GetRequiredService<NpgsqlDataSource>(), Ct));
        await SweepAsync();
        var held = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("PROCESSING", 3), (held.State(), held.Count("accepted")));

        // Its merger gone (the restart cut its session), the next round finishes it, minutes before Uploads:StalledMergeAfter.
        await MergeLockAsync(other, "pg_advisory_unlock", uploadId);
        Assert.Contains(uploadId, await UploadMergeLock.UnheldProcessingAsync(api.Services.GetRequiredService<NpgsqlDataSource>(), Ct));
        await SweepAsync();
        var status = await _client.UploadStatusAsync(uploadId);
        Assert.Equal(("DONE", 9, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((9L, 9L, 9L), await api.FootprintAsync(batch));
    }

    private async Task SweepAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UploadSweepJob>().RunAsync(Ct);
    }

    private static async Task MergeLockAsync(NpgsqlConnection connection, string function, Guid uploadId)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}(hashtext('upload-merge'), hashtext($1::text))", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = uploadId });
        await command.ExecuteScalarAsync(Ct);
    }
}
