using System.Net;
using System.Net.Sockets;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// The production layout on loopback: the built API and a worker started with their systemd units' settings (Production,
/// the API without Hangfire, the worker with only Hangfire), and nginx serving deploy/nginx/landrelease.conf with a
/// certificate made for the test. Only ports, paths and the test's rate limit differ from a real server.
/// </summary>
public sealed class NginxDeployment : IAsyncLifetime
{
    public const int AnonymousPerMinute = 5;

    private readonly string _directory = Directory.CreateTempSubdirectory("landrelease-nginx-").FullName;
    private readonly List<ServiceProcess> _processes = [];
    private string _certificateHash = "";

    public string OwnerConnectionString { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public int HttpsPort { get; } = ServiceProcess.FreePort();

    public int HttpPort { get; } = ServiceProcess.FreePort();

    public int ApiPort { get; } = ServiceProcess.FreePort();

    public int WorkerPort { get; } = ServiceProcess.FreePort();

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists("/usr/sbin/nginx"), "nginx is missing: ./landrelease test installs it through apt.");
        OwnerConnectionString = await TestDatabases.CreateAsync();
        ConnectionString = TestDatabases.AsApplication(OwnerConnectionString);
        _certificateHash = await MakeCertificateAsync();

        _processes.Add(ServiceProcess.StartApi(NodeEnvironment("landrelease-api.service", ApiPort)));
        _processes.Add(ServiceProcess.StartApi(NodeEnvironment("landrelease-worker.service", WorkerPort)));
        _processes.Add(ServiceProcess.Start("/usr/sbin/nginx",
            ["-p", _directory, "-c", WriteNginxConfig(), "-e", Path.Combine(_directory, "error.log")],
            new Dictionary<string, string>()));

        using var direct = new HttpClient();
        await _processes[0].WaitUntilOkAsync(direct, $"http://127.0.0.1:{ApiPort}/health", TimeSpan.FromMinutes(2));
        await _processes[1].WaitUntilOkAsync(direct, $"http://127.0.0.1:{WorkerPort}/health", TimeSpan.FromMinutes(2));
        using var viaNginx = ClientFrom("127.0.0.1");
        await _processes[2].WaitUntilOkAsync(viaNginx, "/health", TimeSpan.FromSeconds(30));
    }

    public ServiceProcess Api => _processes[0];

    public ServiceProcess Worker => _processes[1];

    /// <summary>An HTTPS client of nginx that connects from the given loopback address and trusts only the test's certificate.</summary>
    public HttpClient ClientFrom(string sourceAddress)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificateHash },
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{HttpsPort}") };
    }

    /// <summary>The unit's settings, plus what /etc/landrelease/landrelease.env would hold.</summary>
    private Dictionary<string, string> NodeEnvironment(string unit, int port)
    {
        var environment = DeployFiles.UnitEnvironment(unit);
        // Both nodes listen on loopback only: nginx is the way in.
        Assert.StartsWith("http://127.0.0.1:", environment["ASPNETCORE_URLS"], StringComparison.Ordinal);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        environment["HOME"] = Directory.CreateDirectory(Path.Combine(_directory, unit)).FullName;
        environment["ConnectionStrings__LandRelease"] = ConnectionString;
        environment["ForwardedHeaders__KnownProxies"] = "127.0.0.1,::1";
        environment["RateLimits__AnonymousPerMinute"] = AnonymousPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    private string WriteNginxConfig()
    {
        var site = File.ReadAllText(DeployFiles.PathOf("nginx/landrelease.conf"));
        site = DeployFiles.Replace(site, "listen 80;", $"listen 127.0.0.1:{HttpPort};");
        site = DeployFiles.Replace(site, "listen [::]:80;", "");
        site = DeployFiles.Replace(site, "listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;");
        site = DeployFiles.Replace(site, "listen [::]:443 ssl http2;", "");
        site = DeployFiles.Replace(site, "server 127.0.0.1:5080;", $"server 127.0.0.1:{ApiPort};");
        site = DeployFiles.Replace(site, "/etc/letsencrypt/live/landrelease.example.org/fullchain.pem", Path.Combine(_directory, "cert.pem"));
        site = DeployFiles.Replace(site, "/etc/letsencrypt/live/landrelease.example.org/privkey.pem", Path.Combine(_directory, "key.pem"));
        File.WriteAllText(Path.Combine(_directory, "landrelease.conf"), site);

        // What Debian's /etc/nginx/nginx.conf gives a site, with every path inside the test's folder.
        var main = Path.Combine(_directory, "nginx.conf");
        File.WriteAllText(main, $$"""
            daemon off;
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log {{_directory}}/error.log;
            events { worker_connections 256; }
            http {
                access_log {{_directory}}/access.log;
                client_body_temp_path {{_directory}}/client_body;
                proxy_temp_path {{_directory}}/proxy;
                fastcgi_temp_path {{_directory}}/fastcgi;
                uwsgi_temp_path {{_directory}}/uwsgi;
                scgi_temp_path {{_directory}}/scgi;
                include {{_directory}}/landrelease.conf;
            }
            """);
        // nginx's workers run as nobody and must reach their temporary folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_directory, (UnixFileMode)0b111_101_101);
        }

        return main;
    }

    /// <summary>A self-signed certificate for 127.0.0.1, made now; its SHA-1 hash, which the test's clients pin.</summary>
    private async Task<string> MakeCertificateAsync()
    {
        var cert = Path.Combine(_directory, "cert.pem");
        await Ogc.ExternalTool.RunAsync("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=landrelease.test", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            "-keyout", Path.Combine(_directory, "key.pem"), "-out", cert]);
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(cert));
        return certificate.GetCertHashString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
        if (OwnerConnectionString.Length > 0)
        {
            await TestDatabases.DropAsync(OwnerConnectionString);
        }
    }
}
