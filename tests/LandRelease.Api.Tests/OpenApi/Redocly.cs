using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace LandRelease.Api.Tests.OpenApi;

/// <summary>One problem redocly reported: its rule, severity, message and where in the document.</summary>
public sealed record LintProblem(string Rule, string Severity, string Message, string Location)
{
    public override string ToString() => $"{Severity} {Rule} at {Location}: {Message}";
}

/// <summary>
/// Redocly CLI run by node with its recommended rules (OpenApi/redocly/redocly.yaml), installed from npm by
/// ./landrelease test (npm ci in tests/LandRelease.Api.Tests/OpenApi/redocly), nothing fetched while the tests run.
/// </summary>
public static class Redocly
{
    private static string Directory()
    {
        var root = typeof(Redocly).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return Path.Combine(root, "tests", "LandRelease.Api.Tests", "OpenApi", "redocly");
    }

    public static async Task<IReadOnlyList<LintProblem>> LintAsync(string documentJson, CancellationToken ct)
    {
        var directory = Directory();
        var cli = Path.Combine(directory, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"Redocly CLI is not installed in {directory}: ./landrelease test runs npm ci there.");
        }

        var file = Path.Combine(Path.GetTempPath(), $"landrelease-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, documentJson, ct);
        try
        {
            var start = new ProcessStartInfo("node", [cli, "lint", file, "--format=json", "--max-problems=1000", "--config", Path.Combine(directory, "redocly.yaml")])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Offline and quiet: no usage report, no update check.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            start.Environment["NO_COLOR"] = "1";
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var stdout = node.StandardOutput.ReadToEndAsync(ct);
            var stderr = node.StandardError.ReadToEndAsync(ct);
            await node.WaitForExitAsync(ct);
            return Parse(await stdout, await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<LintProblem> Parse(string stdout, string stderr)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"redocly wrote no JSON report:\n{stdout}\n{stderr}");
        }

        using var report = JsonDocument.Parse(stdout[start..]);
        return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(p => new LintProblem(
            p.GetProperty("ruleId").GetString() ?? "",
            p.GetProperty("severity").GetString() ?? "",
            p.GetProperty("message").GetString() ?? "",
            p.GetProperty("location").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } at
                && at.TryGetProperty("pointer", out var pointer) ? pointer.GetString() ?? "" : ""))];
    }
}
