using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LandRelease.Web.Tests.Reports;

/// <summary>Reads a downloaded workbook with GDAL's ogrinfo, as QGIS (which opens XLSX through GDAL) would.</summary>
public static partial class Ogrinfo
{
    /// <summary>The sheets GDAL lists, in order.</summary>
    public static async Task<string[]> SheetsAsync(string path) =>
        [.. LayerLine().Matches(await RunAsync("-ro", "-q", path)).Select(m => m.Groups[1].Value)];

    /// <summary>The rows GDAL reads in a sheet, its first row taken as headings.</summary>
    public static async Task<int> RowCountAsync(string path, string sheet) =>
        int.Parse(CountLine().Match(await RunAsync("-ro", "-so", path, sheet)).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The number in <paramref name="column"/> of the one row whose <paramref name="keyColumn"/> is <paramref name="key"/>.</summary>
    public static async Task<double> NumberAsync(string path, string sheet, string keyColumn, string key, string column)
    {
        var output = await RunAsync("-ro", "-q", path, sheet, "-where", $"\"{keyColumn}\" = '{key}'");
        var values = Regex.Matches(output, $@"^\s+{Regex.Escape(column)} \((?:Real|Integer|Integer64)\) = (\S+)$", RegexOptions.Multiline);
        Assert.True(values.Count == 1, $"ogrinfo found {values.Count} rows of {sheet} with {keyColumn} = {key}:\n{output}");
        return double.Parse(values[0].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        const string ogrinfo = "/usr/bin/ogrinfo";
        Assert.True(File.Exists(ogrinfo), "ogrinfo is missing: ./landrelease test installs gdal-bin through apt.");
        var start = new ProcessStartInfo(ogrinfo) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"ogrinfo {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        return await output;
    }

    [GeneratedRegex(@"^\d+: (.+?) \([^()]*\)$", RegexOptions.Multiline)]
    private static partial Regex LayerLine();

    [GeneratedRegex(@"^Feature Count: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex CountLine();
}
