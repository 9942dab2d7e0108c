using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>What a field team needs from an upload: warnings it sees, coordinates it understands, refusals it can fix and resend.</summary>
public sealed class FieldTeamTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("HALO", "KHM");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow Row(string localId, double lon, double lat = 13.55) => new(localId, UploadFiles.Square(lon, lat, 0.002));

    [Fact]
    public async Task ThePostReplyListsFeaturesWithWarningsNotOnlyRejections()
    {
        var batch = UploadDatabase.NewBatch("FT-WARN");
        var repeated = GeoJsonFile.Feature(Row($"{batch}-1", 102.91));
        repeated["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[102.91,13.55],[102.912,13.55],[102.912,13.55],[102.912,13.552],[102.91,13.552],[102.91,13.55]]]}""");

        var response = await _client.UploadRawAsync(FeatureCollection(repeated, GeoJsonFile.Feature(Row($"{batch}-2", 102.93))), KhmCmac);

        var reply = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var line = Assert.Single(reply.Lines());
        Assert.Equal(("ACCEPTED", 1, $"{batch}-1"), (line.Outcome(), line.GetProperty("feature").GetInt32(), line.GetProperty("localId").GetString()));
        Assert.Equal(["duplicate-vertices"], line.Rules("warnings"));
    }

    [Fact]
    public async Task UtmMetresDeclaredAsDegreesAreRefusedNamingTheLikelyZone()
    {
        var batch = UploadDatabase.NewBatch("FT-UTM");
        // Near Battambang in WGS 84 / UTM zone 48N.
        var feature = GeoJsonFile.Feature(new AreaRow($"{batch}-1", UploadFiles.Square(293_500.25, 1_451_200.5, 200)));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(feature), KhmCmac));

        var line = status.Line(0);
        Assert.Equal(["looks-projected"], line.Rules());
        var message = line.Violation("looks-projected").GetProperty("message").GetString()!;
        Assert.Contains("UTM zone 48N (EPSG:32648)", message, StringComparison.Ordinal);
        Assert.Contains("(293500.25, 1451200.5)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DegreesDeclaredAsUtmAreRefusedSayingTheyLookLikeDegrees()
    {
        var batch = UploadDatabase.NewBatch("FT-DEG");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95)]), KhmCmac + "&crs=EPSG:32648"));

        var violation = status.Line(0).Violation("looks-geographic");
        Assert.Contains("crs=EPSG:4326", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([102.95, 13.55], violation.GetProperty("location").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task SwappedCoordinatesAreLocatedWhereTheLandProbablyIsAndPrintedRounded()
    {
        var batch = UploadDatabase.NewBatch("FT-SWAP");
        var feature = GeoJsonFile.Feature(new AreaRow($"{batch}-1", UploadFiles.Square(13.100678, 102.95, 0.002)));
        feature["geometry"]!["coordinates"]![0]![0]![0] = 13.100677999999998;
        feature["geometry"]!["coordinates"]![0]![4]![0] = 13.100677999999998;

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(feature), KhmCmac));

        var violation = status.Line(0).Violation("swapped-coordinates");
        Assert.Contains("latitude 13.100678)", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13.100677999", violation.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(102.95, violation.GetProperty("location")[0].GetDouble(), 6);
    }

    [Fact]
    public async Task ASwappedFeatureDownloadsWithItsCoordinatesAsSentAndLandsOnceExchanged()
    {
        var batch = UploadDatabase.NewBatch("FT-SWAPFIX");
        var sent = GeoJsonFile.Feature(new AreaRow($"{batch}-1", UploadFiles.Square(13.1, 102.95, 0.002)));
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(sent), KhmCmac));
        Assert.Equal(["swapped-coordinates"], first.Line(0).Rules());

        var refused = JsonNode.Parse(await _client.GetStringAsync(
            new Uri($"/api/uploads/{first.Id()}/features?outcome=REJECTED&format=geojson", UriKind.Relative), Ct))!.AsObject();

        var feature = Assert.Single(refused["features"]!.AsArray())!.AsObject();
        Assert.Equal(sent["geometry"]!.ToJsonString(), feature["geometry"]!.ToJsonString());
        foreach (var position in feature["geometry"]!["coordinates"]![0]!.AsArray())
        {
            (position![0], position[1]) = (position[1]!.GetValue<double>(), position[0]!.GetValue<double>());
        }

        var fixedUp = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(refused.ToJsonString()), KhmCmac));
        Assert.Equal(("DONE", 1, 0), (fixedUp.State(), fixedUp.Count("accepted"), fixedUp.Count("rejected")));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task TheSameOutlineUnderAnotherLocalIdLandsWithAWarningNamingTheRegisteredArea()
    {
        var batch = UploadDatabase.NewBatch("FT-SAME");
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.89)]), KhmCmac));

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-again", 102.89), Row($"{batch}-2", 102.87)]), KhmCmac));

        Assert.Equal((2, 0), (status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(["same-outline"], status.Line(0).Rules("warnings"));
        Assert.Contains($"'{batch}-1'", status.Line(0).GetProperty("warnings")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(status.Line(1).Rules("warnings"));
    }

    [Fact]
    public async Task RefusedFeaturesDownloadAsGeoJsonWithRuleAndMessageAndLandOnceFixed()
    {
        var batch = UploadDatabase.NewBatch("FT-FIX");
        var file = GeoJsonFile.Of([Row($"{batch}-1", 102.85), Row($"{batch}-2", 102.83) with { Classification = "MAYBE" }]);
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        var response = await _client.GetAsync($"/api/uploads/{first.Id()}/features?outcome=REJECTED&format=geojson", Ct);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var refused = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        var feature = Assert.Single(refused["features"]!.AsArray())!.AsObject();
        var properties = feature["properties"]!.AsObject();
        Assert.Equal(("2", "REJECTED", "unreadable-attribute", $"{batch}-2"), ((string?)properties["feature"], (string?)properties["outcome"],
            (string?)properties["rule"], (string?)properties["localId"]));
        Assert.Contains("classification", (string?)properties["message"], StringComparison.Ordinal);
        Assert.NotNull(feature["geometry"]);

        properties["classification"] = "CHA";
        var resent = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(refused.ToJsonString()), KhmCmac));

        Assert.Equal(("DONE", 1, 0), (resent.State(), resent.Count("accepted"), resent.Count("rejected")));
        Assert.Equal(2L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task RefusedFeaturesDownloadAsCsvWithRuleAndMessageColumnsAndLandOnceFixed()
    {
        var batch = UploadDatabase.NewBatch("FT-CSV");
        var file = GeoJsonFile.Of([Row($"{batch}-1", 102.81) with { DateOfInformation = "2999-01-01" }]);
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        var csv = await _client.GetStringAsync(new Uri($"/api/uploads/{first.Id()}/features?outcome=REJECTED&format=csv", UriKind.Relative), Ct);

        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("feature,line,outcome,rule,message,localId,name,classification", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",wkt,crs", lines[0], StringComparison.Ordinal);
        Assert.Contains("2999-01-01", lines[1], StringComparison.Ordinal);

        var fixedCsv = csv.Replace("2999-01-01", "2024-01-01", StringComparison.Ordinal);
        var resent = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(Encoding.UTF8.GetBytes(fixedCsv),
            "country=KHM&organisation=CMAC&kind=hazard-areas", "text/csv"));

        Assert.Equal(("DONE", 1, 0), (resent.State(), resent.Count("accepted"), resent.Count("rejected")));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task TheFeaturesOfAnUploadOfAnotherOrganisationAreNotFoundAndUnknownParametersAreNamed()
    {
        var batch = UploadDatabase.NewBatch("FT-SCOPE");
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.79)]), KhmCmac));
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-scope");

        var notTheirs = await halo.GetAsync($"/api/uploads/{first.Id()}/features?format=csv", Ct);
        var typo = await _client.GetAsync($"/api/uploads/{first.Id()}/features?outcom=REJECTED", Ct);

        await notTheirs.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["outcom"], await typo.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task MyUploadsListsMyOrganisationsUploadsNewestFirstAPageAtATime()
    {
        await _client.EnsureOrganisationAsync("MAG", "KHM");
        var mag = api.ClientAs([Roles.FieldOperator], ["KHM"], "MAG", "mag-lister");
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-lister");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var batch = UploadDatabase.NewBatch("FT-LIST");
            var file = GeoJsonFile.Of([Row($"{batch}-1", 102.70 - (i * 0.01)) with { Organisation = "MAG" }]);
            ids.Add((await mag.AcceptedAndFinishedAsync(await mag.UploadRawAsync(file, "country=KHM&kind=hazard-areas"))).Id());
        }

        var page1 = await mag.GetJsonAsync("/api/uploads?limit=2");
        var page2 = await mag.GetJsonAsync(Next(page1)!);
        var theirs = await halo.GetJsonAsync("/api/uploads?limit=1000");

        // The same page shape as every other list: items, numberReturned, a "next" link while more remain.
        Assert.Equal(2, page1.GetProperty("numberReturned").GetInt32());
        var listed = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("id").GetGuid()).Where(ids.Contains).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Null(Next(page2));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), u => ids.Contains(u.GetProperty("id").GetGuid()));
        Assert.Equal(["page"], await (await mag.GetAsync("/api/uploads?page=2", Ct)).AssertValidationErrorsAsync());
        Assert.Equal(["limit"], await (await mag.GetAsync("/api/uploads?limit=1001", Ct)).AssertValidationErrorsAsync());
    }

    private static string? Next(JsonElement page) => page.GetProperty("links").EnumerateArray()
        .Where(l => l.GetProperty("rel").GetString() == "next").Select(l => l.GetProperty("href").GetString()).SingleOrDefault();

    [Fact]
    public async Task MyActivitiesListsMyOrganisationsActivitiesOnly()
    {
        var area = await _client.NewTestAreaAsync();
        var (activityId, _) = await _client.CreateActivityAsync(area.Id, Clearance(area));
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-activities");
        var cmac = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "cmac-activities");

        var mine = await cmac.GetJsonAsync("/api/activities?limit=1000");
        var theirs = await halo.GetJsonAsync("/api/activities?limit=1000");

        var item = mine.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == activityId);
        Assert.Equal(("CLEARANCE", "CMAC"), (item.GetProperty("type").GetString(), item.GetProperty("organisation").GetString()));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == activityId);
    }
}
