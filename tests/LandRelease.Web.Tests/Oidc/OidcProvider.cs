using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace LandRelease.Web.Tests.Oidc;

/// <summary>
/// panva/oidc-provider run by node on loopback: a real OpenID Connect provider, installed from npm by
/// ./landrelease test (tests/LandRelease.Web.Tests/Oidc/provider), nothing fetched while the tests run.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "landrelease";
    public const string ClientSecret = "landrelease-test-secret";

    private readonly Process _node;

    private OidcProvider(Process node, int port)
    {
        _node = node;
        Authority = $"http://127.0.0.1:{port}";
    }

    public string Authority { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<OidcProvider> StartAsync(int port, Uri redirectUri)
    {
        var root = typeof(OidcProvider).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        var directory = Path.Combine(root, "tests", "LandRelease.Web.Tests", "Oidc", "provider");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "oidc-provider")))
        {
            throw new InvalidOperationException($"oidc-provider is not installed in {directory}: ./landrelease test runs npm ci there.");
        }

        var start = new ProcessStartInfo("node", ["server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture), redirectUri.ToString()])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var provider = new OidcProvider(node, port);
        _ = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await node.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "ready")
            {
                return provider;
            }
        }

        await provider.DisposeAsync();
        throw new InvalidOperationException("The OpenID Connect provider ended before it was ready.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_node.HasExited)
        {
            _node.Kill(entireProcessTree: true);
            await _node.WaitForExitAsync();
        }

        _node.Dispose();
    }
}
