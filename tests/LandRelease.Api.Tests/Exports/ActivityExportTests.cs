using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>Activities in every format, including one recorded without the land worked (a null geometry).</summary>
public sealed class ActivityExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _admin = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _admin.EnsureOrganisationAsync("CMAC", "KHM");
        if (await api.ScalarAsync<long>("SELECT count(*) FROM activities") > 0)
        {
            return;
        }

        var area = await _admin.NewTestAreaAsync();
        await _admin.CreateActivityAsync(area.Id, Clearance(area));
        await _admin.CreateActivityAsync(area.Id, Activity(area, "NTS", null, status: "PLANNED", startDate: "2024-06-01", endDate: null));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Formats => ["gpkg", "shp", "csv", "xlsx"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task EveryActivityIsExportedWithOrWithoutTheLandWorked(string format)
    {
        var info = await ExportFiles.OgrinfoAsync(await _admin.DownloadAsync($"/api/exports/activities?format={format}&country=KHM"), format);

        Assert.True(ExportFiles.FeatureCounts(info) is [2], info);
        Assert.Contains(format == "shp" ? "TYPE: String" : "type: String", info);
    }
}
