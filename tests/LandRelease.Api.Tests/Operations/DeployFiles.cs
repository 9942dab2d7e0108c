using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Operations;

/// <summary>The files under deploy/, read as the tests use them: the settings a unit gives its process, nginx's site.</summary>
public static class DeployFiles
{
    public static string PathOf(string relative) => Path.Combine(Repository.Root, "deploy", relative);

    /// <summary>A systemd unit's Environment= settings (one KEY=value each).</summary>
    public static Dictionary<string, string> UnitEnvironment(string unit)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(PathOf(Path.Combine("systemd", unit))))
        {
            if (line.StartsWith("Environment=", StringComparison.Ordinal))
            {
                var pair = line["Environment=".Length..];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                settings[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        Assert.NotEmpty(settings);
        return settings;
    }

    /// <summary>Replaces text that must be there, so a change to the shipped file cannot silently skip the change.</summary>
    public static string Replace(string text, string find, string replacement)
    {
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"deploy file no longer contains '{find}'");
        return text.Replace(find, replacement, StringComparison.Ordinal);
    }
}
