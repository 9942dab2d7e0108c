using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>A link that drops half-way through an upload: nothing is stored, and the same upload sent again lands once.</summary>
public sealed class DroppedLinkTests(KestrelUploadFactory api) : IClassFixture<KestrelUploadFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] File(string batch) =>
        GeoJsonFile.Of(Enumerable.Range(0, 20).Select(i => new AreaRow($"{batch}-{i}", UploadFiles.Square(102.95 + i * 0.004, 13.55, 0.002))));

    /// <summary>Sends half the file, waits until the server has recorded the upload, then drops the connection.</summary>
    private async Task DropHalfWayAsync(byte[] file, string? key)
    {
        var breakOff = new TaskCompletionSource();
        var uploadsBefore = await api.ScalarAsync<long>("SELECT count(*) FROM uploads");
        var sending = api.PlainClient().UploadRawAsync(new BrokenContent(file, breakOff.Task), KhmCmac, idempotencyKey: key);
        try
        {
            await WaitUntilAsync(async () => await api.ScalarAsync<long>("SELECT count(*) FROM uploads") > uploadsBefore);
        }
        finally
        {
            breakOff.SetResult();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => sending);
    }

    /// <summary>The state the server leaves the broken upload in once it stops changing (or after 10 s); null when it forgot it.</summary>
    private async Task<string?> SettledStateAsync(string key)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? state;
        do
        {
            await Task.Delay(100, Ct);
            state = await api.ScalarAsync<string?>("SELECT state FROM uploads WHERE idempotency_key = $1", key);
        }
        while (state == "RECEIVING" && DateTime.UtcNow < deadline);

        return state;
    }

    [Fact]
    public async Task AnUploadCutOffHalfWayStoresNothingAndLeavesNoUploadToPinItsKey()
    {
        var batch = UploadDatabase.NewBatch("DROP");
        var key = Guid.NewGuid().ToString();

        await DropHalfWayAsync(File(batch), key);

        Assert.Null(await SettledStateAsync(key));
        Assert.Equal(0L, await api.UploadsWithKeyAsync(key));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM upload_staged_areas"));
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AnUploadCutOffHalfWayCanBeSentAgainWithItsKeyAndLandsOnce()
    {
        var batch = UploadDatabase.NewBatch("DROP-RETRY");
        var key = Guid.NewGuid().ToString();
        var file = File(batch);
        await DropHalfWayAsync(file, key);
        var firstAttempt = await SettledStateAsync(key);

        var retry = await _client.UploadRawAsync(file, KhmCmac, idempotencyKey: key);

        // Nothing of the first attempt was stored, so the retry is the upload: it must not be answered with the
        // first attempt's breakage, nor as a "replay" of an upload that holds nothing and will never finish.
        var body = await retry.Content.ReadAsStringAsync(Ct);
        var answer = JsonDocument.Parse(body).RootElement;
        Assert.True(retry.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK && answer.State() is "DONE" or "QUEUED" or "PROCESSING",
            $"The retry after a dropped link (first attempt left {firstAttempt}) got {(int)retry.StatusCode}: {body}");
        var status = await _client.WaitForAsync(answer.Id());
        Assert.Equal(("DONE", 20), (status.State(), status.Count("accepted")));
        Assert.Equal((20L, 20L, 20L), await api.FootprintAsync(batch));
    }
}
