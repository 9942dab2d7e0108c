using LandRelease.Hostile;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// The hostile-input corpus (tools/LandRelease.Hostile, also run by <c>./landrelease bench hostile</c>) against a real
/// Kestrel server: no case may get a 5xx, go unanswered or take over 5 s.
/// </summary>
public sealed class HostileCorpusTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    public void TheCorpusIsBroadAndItsNamesAreUnique()
    {
        Assert.True(HostileCorpus.All.Count >= 150, $"{HostileCorpus.All.Count} cases");
        Assert.Empty(HostileCorpus.All.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public async Task NoHostileRequestGetsA5xxOrTakesOverFiveSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        var targets = await HostileSeed.SeedAsync(client, TextWriter.Null, ct);

        var report = await HostileRunner.RunAsync(client, HostileCorpus.All, targets, parallelism: 4, ct);

        TestContext.Current.TestOutputHelper?.WriteLine(report.Summary());
        Assert.True(report.Passed, $"{report.Summary()}{Environment.NewLine}{report.Failures()}");
    }
}
