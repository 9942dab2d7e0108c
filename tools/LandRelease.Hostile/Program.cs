using System.Globalization;
using System.Net.Http.Headers;

namespace LandRelease.Hostile;

/// <summary>
/// <c>dotnet LandRelease.Hostile.dll --url http://127.0.0.1:5094 --token TOKEN [--parallel 4] [--verbose]</c>: sends the
/// hostile-input corpus to a running server; exits 1 when any case got a 5xx, no answer, or took over 5 s.
/// </summary>
internal static class HostileProgram
{
    public static async Task<int> Main(string[] args)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5080";
        var token = Option(args, "--token") ?? Environment.GetEnvironmentVariable("LANDRELEASE_TOKEN");
        var parallel = int.TryParse(Option(args, "--parallel"), out var p) ? p : 4;
        if (token is null)
        {
            await Console.Error.WriteLineAsync("usage: LandRelease.Hostile --url URL --token TOKEN [--parallel N] [--verbose] (admin and national-authority)");
            return 2;
        }

        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var targets = await HostileSeed.SeedAsync(client, Console.Error, CancellationToken.None);
        var report = await HostileRunner.RunAsync(client, HostileCorpus.All, targets, parallel, CancellationToken.None);
        if (args.Contains("--verbose"))
        {
            foreach (var result in report.Results)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Status?.ToString(CultureInfo.InvariantCulture) ?? "---"} {result.Elapsed.TotalMilliseconds,8:0} ms  {result.Name}"));
            }
        }

        if (!report.Passed)
        {
            await Console.Error.WriteLineAsync(report.Failures());
        }

        Console.WriteLine(report.Summary());
        return report.Passed ? 0 : 1;
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
