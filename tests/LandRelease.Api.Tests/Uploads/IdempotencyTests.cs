using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>An upload retried over a bad link with the same Idempotency-Key is one upload, and creates its areas once.</summary>
public sealed class IdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] File(string batch, int count = 2) =>
        GeoJsonFile.Of(Enumerable.Range(0, count).Select(i => new AreaRow($"{batch}-{i}", UploadFiles.Square(102.95 + i * 0.004, 13.55, 0.002))));

    private static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Single() == "true";

    [Fact]
    public async Task TheSameKeyTwiceIsOneUploadAndCreatesNothingTheSecondTime()
    {
        var batch = UploadDatabase.NewBatch("IDEM");
        var key = Guid.NewGuid().ToString();
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(batch), KhmCmac, idempotencyKey: key));
        var footprint = await api.FootprintAsync(batch);

        var again = await _client.UploadRawAsync(File(batch), KhmCmac, idempotencyKey: key);

        var replay = await again.AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(Replayed(again));
        Assert.Equal((first.Id(), "DONE", 2), (replay.Id(), replay.State(), replay.Count("accepted")));
        Assert.Equal(1L, await api.UploadsWithKeyAsync(key));
        Assert.Equal((2L, 2L, 2L), footprint);
        Assert.Equal(footprint, await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AMultipartRetryWithAnotherBoundaryIsStillTheSameUpload()
    {
        var batch = UploadDatabase.NewBatch("IDEM-MP");
        var key = Guid.NewGuid().ToString();
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadFormAsync(File(batch), "a.geojson", KhmCmacFields(), key));

        var again = await _client.UploadFormAsync(File(batch), "a.geojson", KhmCmacFields(), key);

        Assert.Equal(first.Id(), (await again.AssertJsonAsync(HttpStatusCode.OK)).Id());
        Assert.Equal(2L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task TheSameKeyWithAnotherFileIsRefusedAndStoresNothingOfIt()
    {
        var batch = UploadDatabase.NewBatch("IDEM-1");
        var other = UploadDatabase.NewBatch("IDEM-2");
        var key = Guid.NewGuid().ToString();
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(batch), KhmCmac, idempotencyKey: key));

        var response = await _client.UploadRawAsync(File(other), KhmCmac, idempotencyKey: key);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotency-key-reused", problem.Code());
        Assert.Equal(first.Id(), problem.GetProperty("uploadId").GetGuid());
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(other));
        Assert.Equal(1L, await api.UploadsWithKeyAsync(key));
    }

    [Fact]
    public async Task TwoIdenticalRequestsRacingMakeOneUploadAndCreateTheAreasOnce()
    {
        var batch = UploadDatabase.NewBatch("IDEM-RACE");
        var key = Guid.NewGuid().ToString();
        var file = File(batch, 20);
        var gate = new TaskCompletionSource();
        var streaming = api.StreamingClient();

        var sending = new[]
        {
            streaming.UploadRawAsync(new GatedContent(file, gate.Task), KhmCmac, idempotencyKey: key),
            streaming.UploadRawAsync(new GatedContent(file, gate.Task), KhmCmac, idempotencyKey: key),
        };
        try
        {
            await WaitUntilAsync(async () => await api.UploadsWithKeyAsync(key) == 1);
            await Task.Delay(200, Ct);
        }
        finally
        {
            gate.SetResult();
        }

        var responses = await Task.WhenAll(sending);

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        var loser = Assert.Single(responses, r => r != winner);
        var uploadId = (await winner.AssertJsonAsync(HttpStatusCode.Accepted)).Id();
        var loserBody = await loser.AssertJsonAsync(loser.StatusCode);
        Assert.True(loser.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"The second request got {(int)loser.StatusCode}: {loserBody}");
        Assert.Contains(uploadId.ToString(), loserBody.ToString(), StringComparison.Ordinal);
        var status = await _client.WaitForAsync(uploadId);
        Assert.Equal(("DONE", 20), (status.State(), status.Count("accepted")));
        Assert.Equal(1L, await api.UploadsWithKeyAsync(key));
        Assert.Equal((20L, 20L, 20L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AnotherFileUnderAKeyWhoseFirstFileIsStillArrivingIsNotAnsweredAsAReplay()
    {
        var batch = UploadDatabase.NewBatch("IDEM-SLOW");
        var other = UploadDatabase.NewBatch("IDEM-FAST");
        var key = Guid.NewGuid().ToString();
        var gate = new TaskCompletionSource();
        var streaming = api.StreamingClient();
        var slow = streaming.UploadRawAsync(new GatedContent(File(batch, 20), gate.Task), KhmCmac, idempotencyKey: key);
        Task<HttpResponseMessage> sendingFast;
        try
        {
            await WaitUntilAsync(async () => await api.UploadsWithKeyAsync(key) == 1);
            sendingFast = streaming.UploadRawAsync(File(other), KhmCmac, idempotencyKey: key);
            await Task.WhenAny(sendingFast, Task.Delay(1000, Ct));
        }
        finally
        {
            gate.SetResult();
        }

        var first = await _client.AcceptedAndFinishedAsync(await slow);
        var fast = await sendingFast;

        // Until the first file has arrived nobody can tell whether this one is the same: "in progress" (409), or the
        // reused-key refusal, but never a 200 telling the sender its other file was stored.
        var problem = await fast.AssertJsonAsync(fast.StatusCode);
        Assert.True(fast.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity,
            $"A different file under a key still in use got {(int)fast.StatusCode} (replayed: {Replayed(fast)}): {problem}");
        Assert.Contains(first.Id().ToString(), problem.ToString(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(other));
        Assert.Equal(20L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task TheSameKeyFromTwoUsersIsTwoUploads()
    {
        var batch = UploadDatabase.NewBatch("IDEM-USERS");
        var key = Guid.NewGuid().ToString();
        var alice = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "alice");
        var bob = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "bob");

        var first = await alice.AcceptedAndFinishedAsync(await alice.UploadRawAsync(File(batch, 1), KhmCmac, idempotencyKey: key));
        var second = await bob.AcceptedAndFinishedAsync(await bob.UploadRawAsync(File(batch, 1), KhmCmac, idempotencyKey: key));

        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal(2L, await api.UploadsWithKeyAsync(key));
        Assert.Equal(("CREATED", "UNCHANGED"), (first.Line(0).GetProperty("action").GetString(), second.Line(0).GetProperty("action").GetString()));
        Assert.Equal(("alice", "bob"), (first.GetProperty("createdBy").GetString(), second.GetProperty("createdBy").GetString()));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task ARefusedUploadRetriedWithItsKeyIsRefusedTheSameWay()
    {
        var batch = UploadDatabase.NewBatch("IDEM-REF");
        var key = Guid.NewGuid().ToString();
        var zip = UploadFiles.ShapefileZip([new AreaRow($"{batch}-1", UploadFiles.Square(376969, 1476907, 100))], prj: null);

        var first = await (await _client.UploadFormAsync(zip, "noprj.zip", KhmCmacFields(), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var again = await (await _client.UploadFormAsync(zip, "noprj.zip", KhmCmacFields(), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("crs-missing", "crs-missing"), (first.Code(), again.Code()));
        Assert.Equal(first.GetProperty("uploadId").GetGuid(), again.GetProperty("uploadId").GetGuid());
        Assert.Equal(1L, await api.UploadsWithKeyAsync(key));
    }

    [Fact]
    public async Task AnIdempotencyKeyOver200CharactersIsABadRequestNamingIt()
    {
        var response = await _client.UploadRawAsync(File(UploadDatabase.NewBatch("IDEM-LONG")), KhmCmac, idempotencyKey: new string('k', 201));

        Assert.Equal(["Idempotency-Key"], await response.AssertValidationErrorsAsync());
    }
}
