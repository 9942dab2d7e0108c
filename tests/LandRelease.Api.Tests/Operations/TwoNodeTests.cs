using System.Diagnostics;
using System.Net;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Operations;

/// <summary>Two API processes on one database (its own, on the shared server), as behind a load balancer.</summary>
public sealed class TwoApiNodes : IAsyncLifetime
{
    public const int InvisibilityTimeoutSeconds = 30;

    private readonly ApiFactory _database = new();

    public NodeProcesses Nodes { get; private set; } = null!;

    public NodeProcesses.Node First { get; private set; } = null!;

    public NodeProcesses.Node Second { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        Nodes = new NodeProcesses(_database.ConnectionString, new Dictionary<string, string>
        {
            ["Uploads__InlineFeatureLimit"] = "100",
            ["Uploads__MergePartFeatures"] = "100",
            ["Uploads__MergeParallelism"] = "1",
            ["Auth__SignIn__AllowHttpCookies"] = "true",
            // A killed worker's jobs go back to the queue after this (2 minutes by default), kept short for the test.
            ["Hangfire__InvisibilityTimeout"] = $"00:00:{InvisibilityTimeoutSeconds}",
        });
        var nodes = await Task.WhenAll(Nodes.StartApiAsync(), Nodes.StartApiAsync());
        (First, Second) = (nodes[0], nodes[1]);
    }

    public async ValueTask DisposeAsync()
    {
        await Nodes.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>
/// Two API and two worker processes on one database: uploads sent to either node (one of them to both at once) are each
/// merged once, though both workers resume them as they start and one worker is killed mid-merge; the jobs the killed
/// worker held are run to the end by another within Hangfire's invisibility timeout, and no other job runs twice; and a
/// sign-in on one node holds on the other.
/// </summary>
public sealed class TwoNodeTests(TwoApiNodes deployment) : IClassFixture<TwoApiNodes>
{
    private const int Features = 300;
    private const int Uploads = 4;

    [Fact]
    public async Task UploadsToEitherNodeAreMergedOnceThoughWorkersResumeThemTogetherAndOneIsKilledMidMerge()
    {
        var nodes = deployment.Nodes;
        using var first = deployment.First.Client();
        using var second = deployment.Second.Client();
        await first.EnsureOrganisationAsync("CMAC", "KHM");

        // Staged while no worker runs: every merge waits for the workers.
        var batches = Enumerable.Range(0, Uploads).Select(_ => UploadDatabase.NewBatch("TWO")).ToList();
        foreach (var (batch, i) in batches.Select((b, i) => (b, i)))
        {
            using var response = await (i % 2 == 0 ? first : second).UploadRawAsync(Grid(batch, i), UploadApi.KhmCmac);
            await response.AssertJsonAsync(HttpStatusCode.Accepted);
        }

        // One upload sent to both nodes at once under one Idempotency-Key, as a client retrying through the balancer.
        var twice = UploadDatabase.NewBatch("TWO");
        batches.Add(twice);
        var key = Guid.NewGuid().ToString();
        var sent = await Task.WhenAll(first.UploadRawAsync(Grid(twice, Uploads), UploadApi.KhmCmac, idempotencyKey: key),
            second.UploadRawAsync(Grid(twice, Uploads), UploadApi.KhmCmac, idempotencyKey: key));
        Assert.All(sent, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK or HttpStatusCode.Conflict, $"{r.StatusCode}"));
        Assert.Equal(1L, await nodes.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE idempotency_key = $1", key));
        Assert.Equal(0L, await nodes.ScalarAsync<long>("SELECT count(*) FROM hazard_areas"));

        // A worker starts merging, and is killed mid-merge.
        var doomed = await nodes.StartWorkerAsync();
        await nodes.WaitForAsync("SELECT count(*) >= 100 FROM hazard_areas", true, TimeSpan.FromMinutes(3));
        doomed.Process.KillHard();
        var orphaned = await nodes.ScalarAsync<string>("SELECT string_agg(id::text, ',' ORDER BY id) FROM hangfire.job WHERE statename = 'Processing'");
        Assert.False(string.IsNullOrEmpty(orphaned), "the killed worker held no job; the test shows nothing");
        var killedAt = Stopwatch.StartNew();
        var landed = await nodes.ScalarAsync<long>("SELECT count(*) FROM hazard_areas");
        Assert.True(landed < batches.Count * Features, "every upload was merged before the kill; the test shows nothing");

        // Two workers start together (systemd's restart, and the second node): both resume every unfinished upload.
        await Task.WhenAll(nodes.StartWorkerAsync(), nodes.StartWorkerAsync());
        // The jobs the killed worker held (its merge among them) are handed to another worker once their claim lapses
        // and end Succeeded there; the merge then finds its upload finished and changes nothing.
        var killed = orphaned.Split(',').Select(long.Parse).ToArray();
        await nodes.WaitForAsync("SELECT count(*) FROM hangfire.job WHERE id = ANY($1) AND statename <> 'Succeeded'", 0L,
            TimeSpan.FromSeconds(TwoApiNodes.InvisibilityTimeoutSeconds * 6) - killedAt.Elapsed, killed);
        Assert.Equal((long)killed.Length, await nodes.ScalarAsync<long>("""
            SELECT count(*) FROM (SELECT jobid FROM hangfire.state WHERE jobid = ANY($1) AND name = 'Processing'
                                  GROUP BY jobid HAVING count(*) = 2 AND count(DISTINCT data->>'ServerId') = 2) elsewhere
            """, killed));
        await nodes.WaitForAsync("SELECT count(*) FROM uploads WHERE state <> 'DONE'", 0L, TimeSpan.FromMinutes(4));

        foreach (var batch in batches)
        {
            Assert.Equal($"{Features} {Features} {Features} {Features}", await nodes.ScalarAsync<string>("""
                SELECT concat_ws(' ', count(*), count(DISTINCT local_id),
                    (SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1),
                    (SELECT count(*) FROM audit_log WHERE entity_id IN (SELECT id FROM hazard_areas WHERE local_id LIKE $1)))
                FROM hazard_areas WHERE local_id LIKE $1
                """, batch + "%"));
        }

        Assert.Equal(0L, await nodes.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT upload_id, index FROM upload_features GROUP BY 1, 2 HAVING count(*) > 1) twice"));
        Assert.Equal((long)batches.Count * Features, await nodes.ScalarAsync<long>("SELECT sum(accepted) FROM uploads"));
        // Each execution of a Hangfire job starts with a Processing state: apart from those, none has two.
        Assert.True(await nodes.ScalarAsync<long>("SELECT count(*) FROM hangfire.state WHERE name = 'Processing'") > Uploads);
        Assert.Equal(0L, await nodes.ScalarAsync<long>(
            "SELECT count(*) FROM (SELECT jobid FROM hangfire.state WHERE name = 'Processing' AND jobid <> ALL($1) GROUP BY jobid HAVING count(*) > 1) twice",
            killed));
    }

    [Fact]
    public async Task ASignInOnOneNodeHoldsOnTheOtherAndItsFormTokenToo()
    {
        var password = await AddAccountAsync("two-node-authority");
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies };
        using var browser = new HttpClient(handler);

        // The form (and its antiforgery token) from one node, posted to the other; the page then read from the first.
        var form = await browser.GetStringAsync(new Uri(deployment.First.Address, "/signin"), Ct);
        using var signIn = await browser.PostAsync(new Uri(deployment.Second.Address, "/signin"), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["_handler"] = "signin",
                ["__RequestVerificationToken"] = AntiforgeryToken(form),
                ["Input.Name"] = "two-node-authority",
                ["Input.Password"] = password,
            }), Ct);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        Assert.DoesNotContain("/signin", signIn.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);

        using var page = await browser.GetAsync(new Uri(deployment.First.Address, "/review"), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A node with a key ring of its own (a folder, not the database) cannot read the cookie: the sharing is what works.
        await using var alone = new NodeProcesses(deployment.Nodes.ConnectionString, new Dictionary<string, string>
        {
            ["Auth__SignIn__AllowHttpCookies"] = "true",
            ["DataProtection__KeysDirectory"] = Directory.CreateTempSubdirectory("landrelease-keys-").FullName,
        });
        var stranger = await alone.StartApiAsync();
        using var refused = await browser.GetAsync(new Uri(stranger.Address, "/review"), Ct);
        Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
        Assert.Contains("/signin", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    private async Task<string> AddAccountAsync(string name)
    {
        const string password = "two-nodes-one-key-ring";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ServiceProcess.ApiDirectory, RedirectStandardInput = true, RedirectStandardOutput = true,
            RedirectStandardError = true, UseShellExecute = false,
            ArgumentList = { Path.Combine(ServiceProcess.ApiDirectory, "LandRelease.Api.dll"), "user", "add", "--name", name,
                "--role", "national-authority", "--country", "KHM" },
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ConnectionStrings__LandRelease"] = deployment.Nodes.ConnectionString,
                ["Auth__DevelopmentSigningKey"] = deployment.Nodes.Token(),
            },
        };
        start.Environment.Remove("ConnectionStrings__LandReleaseOwner");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Ct) + await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"user add exited {process.ExitCode}: {output}");
        return password;
    }

    private static string AntiforgeryToken(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        Assert.True(match.Success, "The sign-in page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Squares apart from every other batch's: each batch in a band of its own.</summary>
    private static byte[] Grid(string batch, int band) => GeoJsonFile.Of(Enumerable.Range(0, Features)
        .Select(i => new AreaRow($"{batch}-{i:000}", UploadFiles.Square(103.1 + i % 30 * 0.004, 12.0 + band * 0.1 + i / 30 * 0.004, 0.002))));
}
