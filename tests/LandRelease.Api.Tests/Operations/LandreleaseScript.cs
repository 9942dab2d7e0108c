using System.Diagnostics;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Operations;

/// <summary>Runs the project's own `./landrelease` script, as an administrator would.</summary>
public static class LandreleaseScript
{
    /// <summary>
    /// The script manages the local cluster only when no connection string is set, so the test's own (which point at
    /// the same cluster) are left out of its environment.
    /// </summary>
    public static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "landrelease"))
        {
            WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ConnectionStrings__LandRelease");
        start.Environment.Remove("ConnectionStrings__LandReleaseOwner");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"./landrelease {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        return await output + await errors;
    }
}
