using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Uploads;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Uploads of at most 20 features, two at once per organisation.</summary>
public sealed class UploadLimitFactory : ApiFactory
{
    public const int MaxFeatures = 20;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Uploads:MaxFeatures", MaxFeatures.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Uploads:MaxConcurrentPerOrganisation", "2");
    }
}

/// <summary>The configurable limits of uploads: features per upload, uploads at once per organisation, the sweep's deadlines.</summary>
public sealed class UploadLimitTests(UploadLimitFactory api) : IClassFixture<UploadLimitFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("HALO", "KHM");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] Areas(string batch, int count) => GeoJsonFile.Of(Enumerable.Range(0, count)
        .Select(i => new AreaRow($"{batch}-{i:00}", UploadFiles.Square(102.9 + i * 0.004, 13.5, 0.002))));

    /// <summary>An upload row as a request still reading its file leaves it (or as a crashed node left it).</summary>
    private Task<long> ReceivingAsync(string organisation, TimeSpan age) => api.ScalarAsync<long>("""
        WITH added AS (
            INSERT INTO uploads (id, country_code, organisation_code, kind, atomic, state, total, processed, accepted, rejected,
                                 created_at, created_by)
            VALUES (gen_random_uuid(), 'KHM', $1, 'HAZARD_AREAS', false, 'RECEIVING', 0, 0, 0, 0, now() - $2, 'other-client')
            RETURNING 1)
        SELECT count(*) FROM added
        """, organisation, age);

    private Task<long> StillReceivingAsync(string organisation) =>
        api.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE organisation_code = $1 AND state = 'RECEIVING'", organisation);

    private Task<long> EndReceivingAsync(string organisation) =>
        api.ScalarAsync<long>("WITH ended AS (UPDATE uploads SET state = 'FAILED' WHERE organisation_code = $1 AND state = 'RECEIVING' RETURNING 1) SELECT count(*) FROM ended", organisation);

    private async Task SweepAsync()
    {
        using var scope = api.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UploadSweepJob>().RunAsync(Ct);
    }

    [Fact]
    public async Task AFileWithMoreFeaturesThanTheLimitIsRefusedWholeAndStoresNothing()
    {
        var batch = UploadDatabase.NewBatch("LIM-MANY");

        var problem = await (await _client.UploadRawAsync(Areas(batch, UploadLimitFactory.MaxFeatures + 1), KhmCmac))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("too-many-features", problem.Code());
        Assert.Contains("20", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AFileOfExactlyTheLimitLands()
    {
        var batch = UploadDatabase.NewBatch("LIM-EXACT");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Areas(batch, UploadLimitFactory.MaxFeatures), KhmCmac));

        Assert.Equal(("DONE", UploadLimitFactory.MaxFeatures), (status.State(), status.Count("accepted")));
    }

    [Fact]
    public async Task AThirdUploadOfAnOrganisationWhileTwoAreBeingReadIsA429AndAnotherOrganisationIsNotHeldUp()
    {
        var batch = UploadDatabase.NewBatch("LIM-BUSY");
        await ReceivingAsync("CMAC", TimeSpan.FromSeconds(30));
        await ReceivingAsync("CMAC", TimeSpan.FromSeconds(20));
        try
        {
            var problem = await (await _client.UploadRawAsync(Areas(batch, 2), KhmCmac, idempotencyKey: batch))
                .AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("too-many-uploads", problem.Code());
            Assert.Contains("CMAC already has 2 uploads being read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(2L, await StillReceivingAsync("CMAC"));

            var other = await _client.AcceptedAndFinishedAsync(
                await _client.UploadRawAsync(Areas(batch + "H", 2), "country=KHM&organisation=HALO&kind=hazard-areas"));
            Assert.Equal("DONE", other.State());
        }
        finally
        {
            Assert.Equal(2L, await EndReceivingAsync("CMAC"));
        }

        // Refused, the key was not spent: the same request goes through once the others are done.
        var retried = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Areas(batch, 2), KhmCmac, idempotencyKey: batch));
        Assert.Equal(("DONE", 2), (retried.State(), retried.Count("accepted")));
    }

    [Fact]
    public async Task TheSweepFailsAnUploadStillReceivingTwentyMinutesOnButNotOneStillWithinItsDeadline()
    {
        await ReceivingAsync("HALO", TimeSpan.FromMinutes(21));
        await ReceivingAsync("HALO", TimeSpan.FromMinutes(5));
        try
        {
            await SweepAsync();

            Assert.Equal(1L, await StillReceivingAsync("HALO"));
            Assert.Equal(1L, await api.ScalarAsync<long>(
                "SELECT count(*) FROM uploads WHERE organisation_code = 'HALO' AND state = 'FAILED' AND problem->>'code' = 'upload-abandoned'"));
        }
        finally
        {
            await EndReceivingAsync("HALO");
        }
    }
}
