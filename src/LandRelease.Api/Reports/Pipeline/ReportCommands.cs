using System.Diagnostics;
using LandRelease.Api.Infrastructure;
using LandRelease.Data.Reports;
using Npgsql;

namespace LandRelease.Api.Reports.Pipeline;

/// <summary>`LandRelease.Api rebuild-reports`: the nightly rebuild, now, in the foreground, with its timings (the benchmark uses it).</summary>
internal static class ReportCommands
{
    public static async Task<int> RebuildAsync(IServiceProvider services)
    {
        var refresher = services.GetRequiredService<ReportRefresher>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var today = services.GetRequiredService<TimeProvider>().Today();
        var total = Stopwatch.StartNew();
        Console.WriteLine("country  decisions   released m² (credits)  differences  ms");
        foreach (var country in await refresher.CountriesAsync(CancellationToken.None))
        {
            var outcome = await refresher.RebuildAsync(country, today, CancellationToken.None);
            var (decisions, creditedSqm) = await ReportCreditTotals.OfAsync(dataSource, country, CancellationToken.None);
            Console.WriteLine($"{country,-7} {decisions,10} {creditedSqm,22:F2} {outcome.Differences.Count,12} {outcome.Milliseconds,7}");
        }

        Console.WriteLine($"rebuild total: {total.ElapsedMilliseconds} ms");
        return 0;
    }
}
