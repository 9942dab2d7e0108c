using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Exports;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.AdminAreas.AdminAreaApi;
using static LandRelease.Api.Tests.Reports.ReportTestApi;

namespace LandRelease.Api.Tests.AdminAreas;

/// <summary>A national authority loads its administrative areas through the upload path: versioned, audited, all or nothing.</summary>
public sealed class AdminAreaUploadTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOperatorAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task LoadsProvincesAndDistrictsWithAVersionAndAnAuditRowEach()
    {
        const string c = "THA";
        var file = File(
            Area("TH-A", "Province A", 1, null, Cells(c, -10, -10, 1, 10)),
            Area("TH-B", "Province B", 1, null, Cells(c, 1, -10, 10, 10)),
            Area("TH-A-1", "District A1", 2, "TH-A", Cells(c, -10, -10, 1, 0)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query(c)));

        Assert.Equal("DONE", status.State());
        Assert.Equal(3, status.Count("accepted"));
        Assert.All(status.Lines(), l => Assert.Equal("CREATED", l.GetProperty("action").GetString()));
        Assert.Equal("TH-A-1", status.Line(2).GetProperty("localId").GetString());
        Assert.Equal(3L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_area_versions WHERE country_code = $1", c));
        Assert.Equal("TH-A", await api.ScalarAsync<string>("SELECT parent_code FROM admin_areas WHERE code = 'TH-A-1'"));
        Assert.Equal(3L, await api.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity_type = 'ADMIN_AREA' AND action = 'CREATE' AND country_code = $1", c));
        // Geodesic m², as every area of the register.
        Assert.Equal(Cells(c, 1, -10, 10, 10).Sqm,
            await api.ScalarAsync<double>("SELECT area_sqm FROM admin_areas WHERE code = 'TH-B'"), Cells(c, 1, -10, 10, 10).Sqm * 1e-4);
    }

    [Theory]
    [InlineData("gpkg", "SGP")]
    [InlineData("shp", "LAO")]
    [InlineData("csv", "PHL")]
    public async Task AnExportOfTheBoundariesSentBackIsUnchanged(string format, string c)
    {
        var file = File(
            Area($"{c}-A", "Province A", 1, null, Cells(c, -10, -10, 1, 10)),
            Area($"{c}-B", "Province B", 1, null, Cells(c, 1, -10, 10, 10)),
            Area($"{c}-A-1", "District A1", 2, $"{c}-A", Cells(c, -10, -10, 1, 0)));
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query(c)));
        const string versions = "SELECT count(*) FROM admin_area_versions WHERE country_code = $1";
        var before = await api.ScalarAsync<long>(versions, c);

        var export = await _client.DownloadAsync($"/api/exports/admin-areas?format={format}&country={c}");
        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(export, Query(c), ExportFiles.UploadTypes[format]));

        Assert.Equal(("DONE", 3), (again.State(), again.Count("accepted")));
        Assert.All(again.Lines(), l => Assert.Equal("UNCHANGED", l.GetProperty("action").GetString()));
        Assert.Equal(before, await api.ScalarAsync<long>(versions, c));
    }

    [Fact]
    public async Task TheSameFileAgainIsUnchangedAndARevisedAreaIsANewVersionWithItsBefore()
    {
        const string c = "VNM";
        JsonObject First() => Area("VN-A", "Province A", 1, null, Cells(c, -10, -10, 1, 10));
        JsonObject Second() => Area("VN-B", "Province B", 1, null, Cells(c, 1, -10, 10, 10));
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(First(), Second()), Query(c)));

        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(First(), Second()), Query(c)));
        Assert.Equal("DONE", again.State());
        Assert.All(again.Lines(), l => Assert.Equal("UNCHANGED", l.GetProperty("action").GetString()));

        var renamed = Area("VN-B", "Province B (renamed)", 1, null, Cells(c, 1, -10, 12, 10));
        var revised = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(First(), renamed), Query(c)));

        Assert.Equal(["UNCHANGED", "UPDATED"], revised.Lines().OrderBy(l => l.GetProperty("index").GetInt32())
            .Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM admin_areas WHERE country_code = $1 AND code = 'VN-B'", c));
        Assert.Equal(3L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_area_versions WHERE country_code = $1", c));
        Assert.Equal("Province B", await api.ScalarAsync<string>(
            "SELECT before ->> 'name' FROM audit_log WHERE entity_type = 'ADMIN_AREA' AND action = 'REVISE' AND country_code = $1", c));
    }

    [Fact]
    public async Task OneBadFeatureRefusesTheWholeFileNamingEachRuleBroken()
    {
        const string c = "MMR";
        var file = File(
            Area("MM-A", "Province A", 1, null, Cells(c, -10, -10, 1, 10)),
            Area("MM-A", "Province A again", 1, null, Cells(c, 1, -10, 10, 10)),
            Area("MM-X-1", "District of nothing", 2, "MM-X", Cells(c, -10, -10, 1, 0)),
            Area("MM-3", "Level three", 3, "MM-A", Cells(c, -10, 0, 1, 10)),
            Area("MM-P", "Province with a parent", 1, "MM-A", Cells(c, 10, 0, 11, 10)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query(c)));

        Assert.Equal("FAILED", status.State());
        Assert.Equal("NOT_STORED", status.Line(0).Outcome());
        Assert.Contains("code-repeated", status.Line(1).Rules());
        Assert.Contains("parent-unknown", status.Line(2).Rules());
        Assert.Contains("level-unknown", status.Line(3).Rules());
        Assert.Contains("parent-of-province", status.Line(4).Rules());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas WHERE country_code = $1", c));
    }

    [Fact]
    public async Task ProvincesSharingLandAreRefusedNamingEachOtherAndTheOverlap()
    {
        const string c = "MYS";
        var file = File(
            Area("MY-A", "Province A", 1, null, Cells(c, -10, -10, 2, 10)),
            Area("MY-B", "Province B", 1, null, Cells(c, 1, -10, 10, 10)),
            Area("MY-A-1", "District A1", 2, "MY-A", Cells(c, -10, -10, 2, 0)),
            Area("MY-B-1", "District B1", 2, "MY-B", Cells(c, 1, 0, 10, 10)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, Query(c)));

        Assert.Equal("FAILED", status.State());
        Assert.Equal(["overlaps-area"], status.Line(0).Rules());
        Assert.Equal(["overlaps-area"], status.Line(1).Rules());
        var message = status.Line(0).Violation("overlaps-area").GetProperty("message").GetString()!;
        Assert.Contains("level 1 area 'MY-B'", message, StringComparison.Ordinal);
        Assert.Contains("m² around (longitude", message, StringComparison.Ordinal);
        Assert.Contains("'MY-A'", status.Line(1).Violation("overlaps-area").GetProperty("message").GetString(), StringComparison.Ordinal);
        // The districts overlap only at a corner line, and lie in different halves: they break no rule.
        Assert.Equal("NOT_STORED", status.Line(2).Outcome());
        Assert.Equal("NOT_STORED", status.Line(3).Outcome());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas WHERE country_code = $1", c));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_area_versions WHERE country_code = $1", c));
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity_type = 'ADMIN_AREA' AND country_code = $1", c));
    }

    [Fact]
    public async Task AProvinceOverlappingOneLoadedBeforeIsRefusedAndItsNeighbourAlongTheBorderLands()
    {
        const string c = "BRN";
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(File(Area("BN-A", "A", 1, null, Cells(c, -10, -10, 1, 10))), Query(c)));

        var overlapping = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            File(Area("BN-B", "B", 1, null, Cells(c, 0, -10, 10, 10))), Query(c)));
        var alongTheBorder = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            File(Area("BN-C", "C", 1, null, Cells(c, 1, -10, 10, 10))), Query(c)));

        Assert.Equal("FAILED", overlapping.State());
        Assert.Contains("'BN-A'", overlapping.Line(0).Violation("overlaps-area").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("DONE", 1), (alongTheBorder.State(), alongTheBorder.Count("accepted")));
        Assert.Equal("BN-A,BN-C", await api.ScalarAsync<string>("SELECT string_agg(code, ',' ORDER BY code) FROM admin_areas WHERE country_code = $1", c));
    }

    [Fact]
    public async Task AFieldOperatorMayNotLoadAdminAreas()
    {
        using var field = api.ClientAs([Roles.FieldOperator], ["IDN"], "REPORT-OPS");
        using var response = await field.UploadRawAsync(File(Area("ID-A", "A", 1, null, Cells("IDN", 0, 0, 1, 1))), Query("IDN"));

        var problem = await response.AssertJsonAsync(HttpStatusCode.Forbidden);
        Assert.Contains("national authority", problem.GetProperty("detail").GetString());
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM admin_areas WHERE country_code = 'IDN'"));
    }

    [Fact]
    public async Task TheCambodianSampleLoadsAsTwentyFourProvinces()
    {
        var sample = await System.IO.File.ReadAllBytesAsync(Path.Combine(RepoRoot(), "samples", "admin-areas", "khm-provinces.geojson"), Ct);

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(sample, Query("KHM")));

        Assert.Equal("DONE", status.State());
        Assert.Equal(24, status.Count("accepted"));
        Assert.Equal("Batdâmbâng", await api.ScalarAsync<string>("SELECT name FROM admin_areas WHERE country_code = 'KHM' AND code = 'KH-2'"));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "LandRelease.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }
}
