using System.Diagnostics;
using System.Globalization;

namespace LandRelease.Hostile;

/// <summary>What one case got: the status (null when no response came) and how long it took.</summary>
public sealed record HostileResult(string Name, int? Status, TimeSpan Elapsed, string? Error);

public sealed record HostileReport(IReadOnlyList<HostileResult> Results, TimeSpan Limit)
{
    public IReadOnlyList<HostileResult> ServerErrors => [.. Results.Where(r => r.Status >= 500)];
    public IReadOnlyList<HostileResult> Slow => [.. Results.Where(r => r.Elapsed > Limit)];
    public IReadOnlyList<HostileResult> Unanswered => [.. Results.Where(r => r.Status is null)];
    public bool Passed => ServerErrors.Count == 0 && Slow.Count == 0 && Unanswered.Count == 0;

    /// <summary>One line, the benchmark's figure: N cases, N 5xx, N over the limit, the slowest.</summary>
    public string Summary()
    {
        var slowest = Results.MaxBy(r => r.Elapsed);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Results.Count} cases, {ServerErrors.Count} 5xx, {Slow.Count} over {Limit.TotalSeconds:0} s, {Unanswered.Count} unanswered, " +
            $"slowest {slowest?.Elapsed.TotalMilliseconds:0} ms ({slowest?.Name})");
    }

    /// <summary>Every failing case with what it got, for the test's message and the benchmark's log.</summary>
    public string Failures() => string.Join(Environment.NewLine, ServerErrors.Concat(Slow).Concat(Unanswered).Distinct().Select(r =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Name}: {r.Status?.ToString(CultureInfo.InvariantCulture) ?? "no response"} in {r.Elapsed.TotalMilliseconds:0} ms {r.Error}")));
}

/// <summary>Sends every case, a few at a time, and times each from the request to the whole response body.</summary>
public static class HostileRunner
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public static async Task<HostileReport> RunAsync(HttpClient client, IReadOnlyList<HostileCase> cases, HostileTargets targets,
        int parallelism, CancellationToken ct)
    {
        var results = new HostileResult[cases.Count];
        await Parallel.ForAsync(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (i, token) => results[i] = await SendAsync(client, cases[i], targets, token));
        return new HostileReport(results, Limit);
    }

    private static async Task<HostileResult> SendAsync(HttpClient client, HostileCase hostile, HostileTargets targets, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var request = hostile.Request(targets);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            return new HostileResult(hostile.Name, status, clock.Elapsed, status >= 500 ? body[..Math.Min(body.Length, 500)] : null);
        }
        catch (HttpRequestException e)
        {
            return new HostileResult(hostile.Name, null, clock.Elapsed, e.Message);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            return new HostileResult(hostile.Name, null, clock.Elapsed, $"timed out: {e.Message}");
        }
    }
}
