using System.Diagnostics;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Ogc;

/// <summary>The API on Kestrel over loopback, so GDAL and QGIS (separate processes) can reach it.</summary>
public sealed class OgcKestrelFactory : ApiFactory
{
    public OgcKestrelFactory() => UseKestrel(0);

    /// <summary>The server's root, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => CreateClient().BaseAddress!;
}

/// <summary>Runs a command-line client (ogrinfo, ogr2ogr, python3) and returns what it printed.</summary>
public static class ExternalTool
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        Assert.True(File.Exists(file), $"{file} is missing: ./landrelease test installs gdal-bin and python3-qgis through apt.");
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        return await output;
    }
}
