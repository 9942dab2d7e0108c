using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>
/// GET /api/exports/{collection}: files GDAL reads with the right count, fields and CRS, holding exactly the caller's
/// scope, which the upload takes back with every feature UNCHANGED; bad requests named, regional viewers refused.
/// </summary>
public sealed class ExportTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _admin = api.CreateClient();
    private HttpClient _authority = null!;

    public async ValueTask InitializeAsync()
    {
        await ExportSeed.EnsureAsync(api, _admin);
        _authority = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "khm-gis");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string> Formats => ["gpkg", "shp", "csv", "xlsx"];

    public static TheoryData<string> UploadFormats => ["gpkg", "shp", "csv"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task OgrinfoReadsTheScopesAreasWithTheirFields(string format)
    {
        var file = await _authority.DownloadAsync($"/api/exports/hazard-areas?format={format}");

        var info = await ExportFiles.OgrinfoAsync(file, format);

        Assert.True(ExportFiles.FeatureCounts(info) is [ExportSeed.KhmAreas], info);
        var fields = format == "shp"
            ? new[] { "LOCAL_ID: String", "CLASSIF: String", "CONTAMIN: String", "EVIDENCE: String", "DATE_INFO: Date", "ORG: String", "AREA_SQM: Real" }
            : ["localId: String", "classification: String", "contamination: String", "evidence: String", "organisation: String", "areaSqm: Real"];
        Assert.All(fields, field => Assert.Contains(field, info));
        if (format is "gpkg" or "shp")
        {
            // A shapefile has one polygon type, whatever the parts.
            Assert.Contains(format == "gpkg" ? "Geometry: Multi Polygon" : "Geometry: Polygon", info);
            Assert.Contains("ID[\"EPSG\",4326]", info);
            // The seed's areas lie at random spots in Cambodia: the extent is checked against the country's box.
            var extent = System.Text.RegularExpressions.Regex.Match(info, @"Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)");
            Assert.True(extent.Success, info);
            var (west, south, east, north) = (Degrees(extent, 1), Degrees(extent, 2), Degrees(extent, 3), Degrees(extent, 4));
            Assert.True(west >= 102 && east <= 108 && south >= 10 && north <= 15 && west < east && south < north, extent.Value);
        }
    }

    [Theory]
    [MemberData(nameof(UploadFormats))]
    public async Task AnExportSentBackThroughTheUploadIsUnchangedFeatureByFeature(string format)
    {
        var file = await _authority.DownloadAsync($"/api/exports/hazard-areas?format={format}&country=KHM&organisation=CMAC");
        var versions = await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions");

        var report = await _admin.AcceptedAndFinishedAsync(await _admin.UploadRawAsync(file, KhmCmac, ExportFiles.UploadTypes[format]));

        Assert.Equal(("DONE", ExportSeed.KhmAreas, 0), (report.State(), report.Count("accepted"), report.Count("rejected")));
        Assert.All(report.Lines(), line => Assert.Equal("UNCHANGED", line.GetProperty("action").GetString()));
        Assert.Equal(versions, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions"));
    }

    [Fact]
    public async Task AFieldOperatorReceivesItsCountryOnlyAndAnotherCountryIsForbidden()
    {
        var operatorClient = api.ClientAs([Roles.FieldOperator], ["KHM"], "MAG", "khm-operator");

        var csv = System.Text.Encoding.UTF8.GetString(await operatorClient.DownloadAsync("/api/exports/hazard-areas?format=csv"));

        Assert.Equal(ExportSeed.KhmAreas, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.DoesNotContain("LAO", csv);
        await operatorClient.AssertStatusAsync("/api/exports/hazard-areas?format=csv&country=LAO", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task FiltersNarrowTheExportAsTheyNarrowTheItems()
    {
        var info = await ExportFiles.OgrinfoAsync(
            await _authority.DownloadAsync("/api/exports/hazard-areas?format=gpkg&classification=SHA&status=OPEN"), "gpkg");

        Assert.Equal([ExportSeed.KhmSha], ExportFiles.FeatureCounts(info));
    }

    [Fact]
    public async Task ARegionalViewerGetsNoHazardGeometry()
    {
        var regional = api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, null, "armac");

        foreach (var collection in new[] { "hazard-areas", "released-land", "activities" })
        {
            await regional.AssertStatusAsync($"/api/exports/{collection}?format=gpkg", HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task AnUnknownParameterAMissingOrUnknownFormatAndABadFilterAreNamed()
    {
        Assert.Equal(["format"], await _authority.BadParametersAsync("/api/exports/hazard-areas?format=kml"));
        Assert.Equal(["format"], await _authority.BadParametersAsync("/api/exports/hazard-areas"));
        Assert.Equal(["stauts"], await _authority.BadParametersAsync("/api/exports/hazard-areas?format=csv&stauts=OPEN"));
        Assert.Equal(["status"], await _authority.BadParametersAsync("/api/exports/activities?format=csv&status=OPEN"));

        var problem = await _authority.GetJsonAsync("/api/exports/released-land?format=kml", HttpStatusCode.BadRequest);
        Assert.Contains("gpkg, shp, csv, xlsx", problem.GetProperty("errors").GetProperty("format")[0].GetString());
    }

    [Theory]
    [InlineData("released-land", "kind: String")]
    [InlineData("activities", "type: String")]
    public async Task TheOtherCollectionsExportAsGeoPackages(string collection, string field)
    {
        var info = await ExportFiles.OgrinfoAsync(await _authority.DownloadAsync($"/api/exports/{collection}?format=gpkg"), "gpkg");

        Assert.Equal([0], ExportFiles.FeatureCounts(info));
        Assert.Contains(field, info);
    }

    private static double Degrees(System.Text.RegularExpressions.Match match, int group) =>
        double.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
}
