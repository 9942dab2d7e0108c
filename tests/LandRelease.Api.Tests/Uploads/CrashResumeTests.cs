using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Data.HazardAreas;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// A process that dies between the parts of a merge: the upload reads what has landed meanwhile, and the next start
/// of the API finishes it at once rather than when the sweep comes round.
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
}
