using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// A region where two states reported: Cambodia (an area registered in 2023, part of it cleared in 2024) and Laos (an area
/// registered and wholly cleared in 2023: zero remaining, reported). The other eight states have reported nothing.
/// </summary>
public sealed class RegionalWorld : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();
    public HttpClient Viewer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        var admin = Api.CreateClient();
        await admin.EnsureOperatorAsync();
        var khm = await admin.NewAreaAsync("KHM", Cells("KHM", 0, 0, 1, 1), "CHA", "2023-03-01");
        await admin.ReleasedAsync(khm, "CLEARED", Cells("KHM", 0, 0, 0.4, 1), "2024-05-01");
        var lao = await admin.NewAreaAsync("LAO", Cells("LAO", 0, 0, 1, 1), "SHA", "2023-02-01");
        await admin.ReleasedAsync(lao, "CANCELLED", Cells("LAO", 0, 0, 1, 1), "2023-06-01");
        Viewer = Api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC");
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
