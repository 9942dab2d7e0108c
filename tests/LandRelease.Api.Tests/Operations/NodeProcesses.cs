using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using Npgsql;

namespace LandRelease.Api.Tests.Operations;

/// <summary>
/// API and worker processes of one deployment on one database, started as systemd would start them (built output,
/// settings by environment), sharing a signing key; killed, with their children, when disposed.
/// </summary>
public sealed class NodeProcesses(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly List<ServiceProcess> _processes = [];

    public string ConnectionString => connectionString;

    /// <summary>An API node that runs no jobs (Hangfire:Server:Enabled=false), as landrelease-api.service.</summary>
    public Task<Node> StartApiAsync(IReadOnlyDictionary<string, string>? extra = null) =>
        StartAsync(new Dictionary<string, string>(extra ?? new Dictionary<string, string>()) { ["Hangfire__Server__Enabled"] = "false" });

    /// <summary>A worker node (Hangfire:WorkerOnly), as landrelease-worker.service.</summary>
    public Task<Node> StartWorkerAsync() =>
        StartAsync(new Dictionary<string, string> { ["Hangfire__WorkerOnly"] = "true", ["Hangfire__Server__WorkerCount"] = "2" });

    private async Task<Node> StartAsync(Dictionary<string, string> extra)
    {
        var port = ServiceProcess.FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ConnectionStrings__LandRelease"] = connectionString,
            ["Auth__DevelopmentSigningKey"] = _key,
            ["RateLimits__AnonymousPerMinute"] = "100000",
            ["Reports__SweepCron"] = "*/5 * * * * *",
            ["Hangfire__Server__SchedulePollingInterval"] = "00:00:01",
            // A home of its own, as on a machine of its own: nothing the nodes share through the file system.
            ["HOME"] = System.IO.Directory.CreateTempSubdirectory("landrelease-node-").FullName,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        var process = ServiceProcess.StartApi(environment);
        _processes.Add(process);
        var node = new Node(process, port, this);
        using var probe = node.Client();
        await process.WaitUntilOkAsync(probe, "/health", TimeSpan.FromMinutes(2));
        return node;
    }

    /// <summary>What every node printed, for failure messages.</summary>
    public string Output => string.Join("\n----\n", _processes.Select(p => p.Output[Math.Max(0, p.Output.Length - 6000)..]));

    public string Token(string name = "ops-test") => DevelopmentTokens.Issue(new AuthOptions { DevelopmentSigningKey = _key }, name,
        [Roles.Admin, Roles.NationalAuthority], ApiFactory.AllCountries, "CMAC", TimeSpan.FromHours(1));

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Polls SQL until it gives <paramref name="expected"/>, failing with every node's output when time runs out.</summary>
    public async Task WaitForAsync<T>(string sql, T expected, TimeSpan timeout, params object[] parameters)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        while (!Equals(last = await ScalarAsync<T>(sql, parameters), expected))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{sql} gave {last}, not {expected}, within {timeout}:\n{Output}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }

    public sealed record Node(ServiceProcess Process, int Port, NodeProcesses Deployment)
    {
        public Uri Address => new($"http://127.0.0.1:{Port}");

        /// <summary>An administrator and national authority of every country, by bearer token.</summary>
        public HttpClient Client()
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(3) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Deployment.Token());
            return client;
        }
    }
}
