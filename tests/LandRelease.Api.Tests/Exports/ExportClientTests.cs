using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>An exported GeoPackage opened by QGIS headless; the report's figures as files.</summary>
public sealed class ExportClientTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string QgisCount = """
        import os, sys
        from qgis.core import QgsApplication, QgsVectorLayer
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
        vl = QgsVectorLayer(sys.argv[1], "export", "ogr")
        print("valid", vl.isValid(), flush=True)
        if vl.isValid():
            print("features", vl.featureCount(), flush=True)
            print("crs", vl.crs().authid(), flush=True)
            print("fields", ",".join(f.name() for f in vl.fields()), flush=True)
        os._exit(0)
        """;

    private readonly HttpClient _admin = api.CreateClient();

    public async ValueTask InitializeAsync() => await ExportSeed.EnsureAsync(api, _admin);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task QgisOpensTheExportedGeoPackageWithEveryAreaInWgs84()
    {
        var authority = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "khm-gis");
        var file = await authority.DownloadAsync("/api/exports/hazard-areas?format=gpkg");
        var folder = Directory.CreateTempSubdirectory("export-qgis-");
        try
        {
            var gpkg = Path.Combine(folder.FullName, "areas.gpkg");
            var script = Path.Combine(folder.FullName, "count.py");
            await File.WriteAllBytesAsync(gpkg, file, Ct);
            await File.WriteAllTextAsync(script, QgisCount, Ct);

            var output = await ExternalTool.RunAsync("/usr/bin/python3", [script, gpkg], new Dictionary<string, string>
            {
                ["QT_QPA_PLATFORM"] = "offscreen", ["HOME"] = folder.FullName, ["XDG_RUNTIME_DIR"] = folder.FullName,
            });

            Assert.Contains("valid True", output);
            Assert.Contains($"features {ExportSeed.KhmAreas}", output);
            Assert.Contains("crs EPSG:4326", output);
            Assert.Contains("localId,name,classification,contamination,status,evidence,dateOfInformation,organisation", output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task TheReportsFiguresExportAsTheReportsCsvAndAsAWorkbook()
    {
        var csv = await _admin.DownloadAsync("/api/exports/reports/countries/KHM?year=2024&format=csv");
        var direct = await _admin.GetStringAsync(new Uri("/api/reports/countries/KHM?year=2024&format=csv", UriKind.Relative), Ct);
        Assert.Equal(Without(direct, "report.computedAt"), Without(System.Text.Encoding.UTF8.GetString(csv), "report.computedAt"));

        var xlsx = await _admin.DownloadAsync("/api/exports/reports/countries/KHM?year=2024&format=xlsx");
        var info = await ExportFiles.OgrinfoAsync(xlsx, "xlsx");
        Assert.Contains("Figures", info);
        Assert.Contains("Trend", info);
        Assert.Contains("figure: String", info);

        Assert.Equal(["format"], await _admin.BadParametersAsync("/api/exports/reports/countries/KHM?year=2024&format=pdf"));
        await _admin.AssertStatusAsync("/api/exports/reports/countries/XXX?format=csv", HttpStatusCode.NotFound);
    }

    private static string Without(string csv, string figure) =>
        string.Join("\n", csv.Split("\r\n").Where(l => !l.StartsWith(figure + ",", StringComparison.Ordinal)));
}
