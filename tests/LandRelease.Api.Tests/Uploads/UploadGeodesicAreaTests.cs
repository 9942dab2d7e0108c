using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>
/// The merge measures an outline once, on the ellipsoid, for the rows it writes: a new area, a revision with a new
/// outline, a revision keeping its outline; the area row and each version hold what PostGIS's geography gives.
/// </summary>
public sealed class UploadGeodesicAreaTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow Row(string localId, double lon, double size, string name = "First survey") =>
        new(localId, UploadFiles.Square(lon, 13.55, size)) { Name = name };

    private Task<long> AreasMeasuredRightAsync(string batch) => api.ScalarAsync<long>("""
        SELECT count(*) FROM hazard_areas
        WHERE local_id LIKE $1 AND abs(area_sqm - ST_Area(geometry::geography)) < 1e-6
          AND abs(remaining_area_sqm - ST_Area(remaining_geometry::geography)) < 1e-6
        """, batch + "%");

    private Task<long> VersionsMeasuredRightAsync(string batch) => api.ScalarAsync<long>(
        "SELECT count(*) FROM hazard_area_versions WHERE local_id LIKE $1 AND abs(area_sqm - ST_Area(geometry::geography)) < 1e-6",
        batch + "%");

    private Task<double> AreaSqmAsync(string localId, int version) => api.ScalarAsync<double>(
        "SELECT area_sqm FROM hazard_area_versions WHERE local_id = $1 AND version = $2", localId, version);

    [Fact]
    public async Task NewAndRevisedAreasHoldTheGeodesicSquareMetresOfTheirOutlines()
    {
        var batch = UploadDatabase.NewBatch("UPD-SQM");
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95, 0.002), Row($"{batch}-2", 102.96, 0.001)]), KhmCmac));

        var revised = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95, 0.003, "Re-surveyed"), Row($"{batch}-2", 102.96, 0.001, "Renamed")]), KhmCmac));

        Assert.Equal(["UPDATED", "UPDATED"], revised.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(2L, await AreasMeasuredRightAsync(batch));
        Assert.Equal(4L, await VersionsMeasuredRightAsync(batch));
        // Square metres, not square degrees: a 0.002° square at 13.55° N is about 216 m by 222 m.
        Assert.InRange(await AreaSqmAsync($"{batch}-1", 1), 47_000, 49_000);
        Assert.InRange(await AreaSqmAsync($"{batch}-1", 2), 2.2 * 47_000, 2.3 * 49_000);
        Assert.Equal(await AreaSqmAsync($"{batch}-2", 1), await AreaSqmAsync($"{batch}-2", 2));
    }
}
