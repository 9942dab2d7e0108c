using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// `kill -9` of the API process while it merges a large upload in parts, then a restart: the upload finishes, every
/// feature landed once or is reported, and no local id is registered twice.
/// </summary>
public sealed class KilledMergeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Features = 4000;
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly int _port = ServiceProcess.FreePort();

    [Fact]
    public async Task AnUploadWhoseMergeWasKilledFinishesAfterTheRestartWithEveryFeatureOnce()
    {
        _ = api.CreateClient();
        var batch = UploadDatabase.NewBatch("KILL");
        using var client = Client();
        Guid uploadId;
        await using (var first = StartApi())
        {
            await first.WaitUntilOkAsync(client, "/health", TimeSpan.FromMinutes(2));
            await client.EnsureOrganisationAsync("CMAC", "KHM");
            using var response = await client.UploadRawAsync(Grid(batch), UploadApi.KhmCmac);
            uploadId = (await response.AssertJsonAsync(HttpStatusCode.Accepted)).Id();

            // Killed once some parts of the merge have committed and others have not.
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (await api.AreasAsync(batch) < Features / 8)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the merge did not start within 3 minutes:\n{first.Output}");
                await Task.Delay(50, Ct);
            }

            first.KillHard();
        }

        var landed = await api.AreasAsync(batch);
        Assert.InRange(landed, 1, Features - 1);
        Assert.NotEqual("DONE", await api.ScalarAsync<string>("SELECT state FROM uploads WHERE id = $1", uploadId));

        await using var second = StartApi();
        await second.WaitUntilOkAsync(client, "/health", TimeSpan.FromMinutes(2));
        var finished = DateTime.UtcNow.AddMinutes(5);
        string state;
        while ((state = await api.ScalarAsync<string>("SELECT state FROM uploads WHERE id = $1", uploadId)) is not ("DONE" or "FAILED"))
        {
            Assert.True(DateTime.UtcNow < finished, $"the upload was still {state} 5 minutes after the restart:\n{second.Output}");
            await Task.Delay(250, Ct);
        }

        Assert.Equal("DONE", state);
        var counts = await api.ScalarAsync<string>(
            "SELECT concat_ws(' ', accepted, rejected, total) FROM uploads WHERE id = $1", uploadId);
        Assert.Equal($"{Features} 0 {Features}", counts);
        Assert.Equal(Features, await api.AreasAsync(batch));
        Assert.Equal(0L, await api.ScalarAsync<long>(
            "SELECT count(*) - count(DISTINCT local_id) FROM hazard_areas WHERE local_id LIKE $1", batch + "%"));
        Assert.Equal(Features, await api.VersionsAsync(batch));
    }

    /// <summary>Squares 0.002° on a 0.004° grid, inside Cambodia, none overlapping.</summary>
    private static byte[] Grid(string batch) => GeoJsonFile.Of(Enumerable.Range(0, Features)
        .Select(i => new AreaRow($"{batch}-{i:0000}", UploadFiles.Square(102.9 + i % 80 * 0.004, 13.3 + i / 80 * 0.004, 0.002))));

    private ServiceProcess StartApi() => ServiceProcess.StartApi(new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing",
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}",
        ["ConnectionStrings__LandRelease"] = api.ConnectionString,
        ["Auth__DevelopmentSigningKey"] = _key,
        ["Hangfire__Server__Enabled"] = "true",
        ["Uploads__InlineFeatureLimit"] = "100",
        ["Uploads__MergePartFeatures"] = "200",
        ["Uploads__MergeParallelism"] = "1",
        ["RateLimits__AnonymousPerMinute"] = "100000",
    });

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.Issue(
            new AuthOptions { DevelopmentSigningKey = _key }, "ops-test", [Roles.Admin, Roles.NationalAuthority], ["KHM"], "CMAC",
            TimeSpan.FromHours(1)));
        return client;
    }
}
