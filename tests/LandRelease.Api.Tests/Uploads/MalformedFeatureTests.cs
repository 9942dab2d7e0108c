using System.Net;
using System.Text;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>A readable file with unreadable features: each such feature is rejected with its reason, the rest land.</summary>
public sealed class MalformedFeatureTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task CsvCellsOfTheWrongTypeRejectTheirRowOnly()
    {
        var batch = UploadDatabase.NewBatch("CSV-TYPES");
        var csv = $"""
            local_id,name,classification,evidence,dateOfInformation,organisation,lon,lat
            {batch}-0,Good,SHA,INDIRECT: interview,2024-05-01,CMAC,102.95,13.55
            {batch}-1,Text longitude,SHA,INDIRECT: interview,2024-05-01,CMAC,east,13.55
            {batch}-2,Day first date,SHA,INDIRECT: interview,31/12/2023,CMAC,102.95,13.55
            {batch}-3,Cells, too many,SHA,INDIRECT: interview,2024-05-01,CMAC,102.95,13.55

            """;

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(csv), KhmCmac + "&crs=EPSG:4326", "text/csv"));

        // Points are read (and rejected as not areas); the three broken rows are rejected for what broke them.
        Assert.True(status.State() == "DONE" && status.Count("rejected") == 4, status.ToString());
        Assert.Equal("geometry-type", status.Line(0).Rule());
        Assert.True(status.Line(1).Rule() == "unreadable-feature", status.Line(1).ToString());
        Assert.Contains("east", status.Line(1).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("unreadable-attribute", status.Line(2).Rules());
        Assert.Equal("properties.dateOfInformation", status.Line(2).Violation("unreadable-attribute").GetProperty("field").GetString());
        // The row's cells cannot be matched to the header, so the cell count is the one thing to tell the sender,
        // not that each attribute of the (unreadable) row is missing.
        Assert.True(status.Line(3).Rule() == "unreadable-feature", status.Line(3).ToString());
    }

    [Fact]
    public async Task UnreadableWktRejectsItsRowAndTheOthersLand()
    {
        var batch = UploadDatabase.NewBatch("CSV-WKT");
        var rows = new[]
        {
            new AreaRow($"{batch}-0", UploadFiles.Square(102.95, 13.55, 0.002)),
            new AreaRow($"{batch}-1", UploadFiles.Square(102.96, 13.55, 0.002)),
            new AreaRow($"{batch}-2", UploadFiles.Square(102.97, 13.55, 0.002)),
        };
        var csv = UploadFiles.WktCsv(rows, r => r.LocalId.EndsWith("-1", StringComparison.Ordinal) ? "POLYGON((102.96 13.55, 102.97" : r.Geometry.AsText());

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(csv, KhmCmac + "&crs=EPSG:4326", "text/csv"));

        Assert.Equal(["ACCEPTED", "REJECTED", "ACCEPTED"], (await _client.WholeReportAsync(status.Id())).Select(l => l.Outcome()));
        Assert.True(status.Line(1).Rule() == "unreadable-feature", status.Line(1).ToString());
        Assert.Equal(2L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task ACoordinateOf1e308InAProjectedUploadIsRejectedNotConverted()
    {
        var batch = UploadDatabase.NewBatch("BIG-UTM");
        var good = Features.HazardArea($"{batch}-0", Features.Square(376550, 1477231, 150));
        var huge = Features.HazardArea($"{batch}-1", Features.Polygon((376550, 1477231), (1e308, 1477231), (376700, 1477381), (376550, 1477231)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(good, huge), KhmCmac + "&crs=EPSG:32648"));

        Assert.Equal(("ACCEPTED", "REJECTED"), (status.Line(0).Outcome(), status.Line(1).Outcome()));
        Assert.Equal("coordinate-conversion", status.Line(1).Rule());
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task ACoordinateBeyondTheDoubleRangeIsRejectedNotAServerError()
    {
        var batch = UploadDatabase.NewBatch("BIG-INF");
        var json = $$"""
            {"type":"FeatureCollection","features":[
            {{Features.HazardArea($"{batch}-0").ToJsonString()}},
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[102.95,13.55],[1e309,13.55],[102.96,13.56],[102.95,13.55]]]},
             "properties":{{Features.HazardArea($"{batch}-1")["properties"]!.ToJsonString()}}}]}
            """;

        var response = await _client.UploadRawAsync(Encoding.UTF8.GetBytes(json), KhmCmac);

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("ACCEPTED", "REJECTED"), (status.Line(0).Outcome(), status.Line(1).Outcome()));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task AFeatureWhoseGeometryIsNullOrAnotherTypeIsRejectedWithTheReason()
    {
        var batch = UploadDatabase.NewBatch("GEOM-TYPE");
        var line = Features.HazardArea($"{batch}-1");
        line["geometry"] = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"LineString","coordinates":[[102.95,13.55],[102.96,13.56]]}""");
        var none = Features.HazardArea($"{batch}-2");
        none["geometry"] = null;

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(Features.HazardArea($"{batch}-0"), line, none), KhmCmac));

        Assert.Equal(["ACCEPTED", "REJECTED", "REJECTED"], (await _client.WholeReportAsync(status.Id())).Select(l => l.Outcome()));
        Assert.Contains("LineString", status.Line(1).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/uploads/{status.Id()}", Ct)).StatusCode);
    }
}
