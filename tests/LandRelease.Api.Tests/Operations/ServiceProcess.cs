using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// A real process (the built API, nginx) started as a service manager would, its output kept for failure messages and
/// killed, with its children, when disposed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process) => _process = process;

    /// <summary>The API as `dotnet build` left it, the folder a deployment publishes to /opt/landrelease.</summary>
    public static string ApiDirectory { get; } = Path.Combine(Repository.Root, "src", "LandRelease.Api", "bin",
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/')))!, "net10.0");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static ServiceProcess Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the test's own configuration leaks in: the process gets what a unit file would give it.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
                     || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var service = new ServiceProcess(new Process { StartInfo = start });
        service._process.OutputDataReceived += (_, e) => service.Append(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        service._process.Start();
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    /// <summary>`dotnet LandRelease.Api.dll` from the build output, with the given settings.</summary>
    public static ServiceProcess StartApi(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start("dotnet", [Path.Combine(ApiDirectory, "LandRelease.Api.dll"), .. arguments], environment, ApiDirectory);

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until the URL answers 200, failing with the process's output if it dies or the time runs out.</summary>
    public async Task WaitUntilOkAsync(HttpClient client, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Assert.False(HasExited, $"{_process.StartInfo.FileName} exited with {(HasExited ? _process.ExitCode : 0)}:\n{Output}");
            try
            {
                using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"{url} did not answer 200 within {timeout}:\n{Output}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits for a command (`migrate`, `rebuild-reports`) to end; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or `kill -9` would end it.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
