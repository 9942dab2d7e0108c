using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Uploads given three seconds to be read.</summary>
public sealed class ShortDeadlineFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:ReceiveTimeout", "00:00:03");
    }
}

/// <summary>An upload that outlasts its deadline (a stalled link, a reader kept busy) is FAILED then, not hours later.</summary>
public sealed class ReceiveDeadlineTests(ShortDeadlineFactory api) : IClassFixture<ShortDeadlineFactory>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await api.CreateClient().EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AnUploadStillArrivingAtItsDeadlineIsFailedWithA408AndStoresNothing()
    {
        var batch = UploadDatabase.NewBatch("DEADLINE");
        var key = Guid.NewGuid().ToString();
        var file = GeoJsonFile.Of(Enumerable.Range(0, 20).Select(i => new AreaRow($"{batch}-{i}", UploadFiles.Square(102.9 + i * 0.004, 13.5, 0.002))));
        var gate = new TaskCompletionSource();
        var sending = api.StreamingClient().UploadRawAsync(new GatedContent(file, gate.Task), KhmCmac, idempotencyKey: key);
        try
        {
            // The second half never comes while the server waits; its deadline, not the sweep, ends the upload.
            await WaitUntilAsync(async () =>
                await api.ScalarAsync<string?>("SELECT problem->>'code' FROM uploads WHERE idempotency_key = $1 AND state = 'FAILED'", key)
                    == "upload-timed-out");
        }
        finally
        {
            gate.SetResult();
        }

        try
        {
            using var response = await sending;
            Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The server may close the request before the client has finished sending: the stored state is what counts.
        }

        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }
}
