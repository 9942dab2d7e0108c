using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>A local id the country already holds names that area: the upload revises it, never duplicates it.</summary>
public sealed class UpdateTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("HALO", "KHM");
        await _client.EnsureOrganisationAsync("NRA", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static AreaRow Row(string localId, double lon, string name = "First survey") =>
        new(localId, UploadFiles.Square(lon, 13.55, 0.002)) { Name = name };

    [Fact]
    public async Task ASecondUploadWithTheSameLocalIdsUpdatesThoseAreasAsVersionTwo()
    {
        var batch = UploadDatabase.NewBatch("UPD");
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95), Row($"{batch}-2", 102.96)]), KhmCmac));
        var ids = first.Lines().Select(l => l.RecordId()).ToArray();

        var second = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.97, "Re-surveyed"), Row($"{batch}-2", 102.96, "Re-surveyed")]), KhmCmac));

        Assert.Equal(("DONE", 2, 0), (second.State(), second.Count("accepted"), second.Count("rejected")));
        Assert.Equal(["UPDATED", "UPDATED"], second.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(ids, second.Lines().Select(l => l.RecordId()));
        Assert.Equal((2L, 4L, 4L), await api.FootprintAsync(batch));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{ids[0]}");
        Assert.Equal(("Re-surveyed", 2), (area.Props().GetProperty("name").GetString(), area.Props().GetProperty("version").GetInt32()));
        Assert.True(Geo.NearestVertexMetres(area, 102.97, 13.55) < 0.01);
        var history = (await _client.GetJsonAsync($"/api/hazard-areas/{ids[0]}/history")).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal([1, 2], history.Select(v => v.Props().GetProperty("version").GetInt32()).Order());
        var audit = (await _client.GetJsonAsync($"/api/audit?entityId={ids[0]}")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["CREATE", "REVISE"], audit.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(1, audit[1].GetProperty("before").GetProperty("version").GetInt32());
        Assert.Contains(second.Id().ToString(), audit[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameFileSentAgainChangesNothingAndSaysSo()
    {
        var batch = UploadDatabase.NewBatch("UPD-SAME");
        var file = GeoJsonFile.Of([Row($"{batch}-1", 102.95), Row($"{batch}-2", 102.96)]);
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        Assert.Equal(("DONE", 2, 0), (again.State(), again.Count("accepted"), again.Count("rejected")));
        Assert.Equal(["UNCHANGED", "UNCHANGED"], again.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal(first.Lines().Select(l => l.RecordId()), again.Lines().Select(l => l.RecordId()));
        Assert.Equal((2L, 2L, 2L), await api.FootprintAsync(batch));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{first.Line(0).RecordId()}");
        Assert.Equal(1, area.Props().GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnOldFileSentAgainAfterWorkMovedTheAreaOnChangesNothing(bool statusGiven)
    {
        var batch = UploadDatabase.NewBatch(statusGiven ? "UPD-OLD" : "UPD-OLD-NS");
        var feature = GeoJsonFile.Feature(Row($"{batch}-1", 102.95));
        if (!statusGiven)
        {
            feature.Properties().Remove("status");
        }

        var file = FeatureCollection(feature);
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));
        var area = new Activities.TestArea(first.Line(0).RecordId(), new Releases.Box(102.95, 13.55, 102.952, 13.552));
        await _client.CreateActivityAsync(area.Id, Activities.ActivityApi.Activity(area, "TS", null, status: "ONGOING",
            startDate: "2024-06-01", endDate: null));

        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(file, KhmCmac));

        Assert.Equal("UNCHANGED", again.Line(0).GetProperty("action").GetString());
        var props = (await _client.GetJsonAsync($"/api/hazard-areas/{area.Id}")).Props();
        Assert.Equal(("WORKED_ON", 2, "2024-06-01"), (props.GetProperty("status").GetString(), props.GetProperty("version").GetInt32(),
            props.GetProperty("dateOfInformation").GetString()));
        Assert.Equal((1L, 2L), (await api.AreasAsync(batch), await api.VersionsAsync(batch)));
    }

    [Fact]
    public async Task ContaminationListedInAnotherOrderOrTwiceIsTheSameContamination()
    {
        var batch = UploadDatabase.NewBatch("UPD-CONT");
        var first = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95) with { Contamination = "AV_MINE;AP_MINE" }]), KhmCmac));

        var again = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95) with { Contamination = "AP_MINE;AV_MINE;AP_MINE" }]), KhmCmac));

        Assert.Equal("UNCHANGED", again.Line(0).GetProperty("action").GetString());
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{first.Line(0).RecordId()}");
        Assert.Equal(["AP_MINE", "AV_MINE"], area.Props().GetProperty("contamination").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task AMovedVertexOrAnyChangedAttributeIsARevision()
    {
        var batch = UploadDatabase.NewBatch("UPD-DIFF");
        AreaRow[] rows = [Row($"{batch}-1", 102.95), Row($"{batch}-2", 102.96), Row($"{batch}-3", 102.97), Row($"{batch}-4", 102.98)];
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of(rows), KhmCmac));

        // About 10 cm east; a changed contamination list; a changed date of information.
        var moved = Row($"{batch}-2", 102.960001);
        var recontaminated = rows[2] with { Contamination = "AP_MINE" };
        var redated = rows[3] with { DateOfInformation = "2024-05-02" };
        var second = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([rows[0], moved, recontaminated, redated]), KhmCmac));

        Assert.Equal(["UNCHANGED", "UPDATED", "UPDATED", "UPDATED"], second.Lines().Select(l => l.GetProperty("action").GetString()));
        Assert.Equal((4L, 7L, 7L), await api.FootprintAsync(batch));
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{second.Line(1).RecordId()}");
        Assert.Equal(2, area.Props().GetProperty("version").GetInt32());
        Assert.True(Geo.NearestVertexMetres(area, 102.960001, 13.55) < 0.01);
    }

    [Fact]
    public async Task TheSameLocalIdInAnotherCountryIsAnotherArea()
    {
        var batch = UploadDatabase.NewBatch("UPD-CTRY");
        var lao = new AreaRow($"{batch}-1", UploadFiles.Square(102.6, 17.98, 0.002)) { Organisation = "NRA" };
        var inLaos = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([lao]),
            "country=LAO&organisation=NRA&kind=hazard-areas"));

        var inCambodia = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.95)]), KhmCmac));

        Assert.Equal(("CREATED", "CREATED"), (inLaos.Line(0).GetProperty("action").GetString(), inCambodia.Line(0).GetProperty("action").GetString()));
        Assert.NotEqual(inLaos.Line(0).RecordId(), inCambodia.Line(0).RecordId());
        Assert.Equal(2L, await api.AreasAsync(batch));
        Assert.Equal(1, (await _client.GetJsonAsync($"/api/hazard-areas/{inLaos.Line(0).RecordId()}")).Props().GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ARevisionThatGivesNoStatusKeepsTheAreasOwn()
    {
        var batch = UploadDatabase.NewBatch("UPD-ST");
        var worked = Row($"{batch}-1", 102.95) with { Status = "WORKED_ON" };
        await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([worked]), KhmCmac));
        var withoutStatus = GeoJsonFile.Feature(Row($"{batch}-1", 102.95, "Renamed"));
        withoutStatus.Properties().Remove("status");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(withoutStatus), KhmCmac));

        var area = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.Equal(("Renamed", "WORKED_ON"), (area.Props().GetProperty("name").GetString(), area.Props().GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ALocalIdRepeatedWithinOneUploadIsRejectedAfterItsFirstAppearance()
    {
        var batch = UploadDatabase.NewBatch("UPD-REP");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95), Row($"{batch}-2", 102.96), Row($"{batch}-1", 102.97)]), KhmCmac));

        Assert.Equal(("DONE", 2, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal(("REJECTED", "local-id-repeated"), (status.Line(2).Outcome(), status.Line(2).Rule()));
        Assert.Contains("Feature 0", status.Line(2).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(2L, await api.AreasAsync(batch));
        var kept = await _client.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.True(Geo.NearestVertexMetres(kept, 102.95, 13.55) < 0.01);
    }

    [Fact]
    public async Task AFieldOperatorOfAnotherOrganisationCannotReviseAnAreaRecordedByCmac()
    {
        var batch = UploadDatabase.NewBatch("UPD-ORG");
        var created = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.95)]), KhmCmac));
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-surveyor");

        var status = await halo.AcceptedAndFinishedAsync(await halo.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.97, "Taken over") with { Organisation = "HALO" }]),
            "country=KHM&organisation=HALO&kind=hazard-areas"));

        Assert.Equal(("REJECTED", "not-your-area"), (status.Line(0).Outcome(), status.Line(0).Rule()));
        Assert.Contains("CMAC", status.Line(0).GetProperty("message").GetString(), StringComparison.Ordinal);
        var area = await _client.GetJsonAsync($"/api/hazard-areas/{created.Line(0).RecordId()}");
        Assert.Equal(("First survey", 1, "CMAC"), (area.Props().GetProperty("name").GetString(),
            area.Props().GetProperty("version").GetInt32(), area.Props().GetProperty("organisation").GetString()));
        Assert.Equal((1L, 1L, 1L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task AFieldOperatorOfCmacMayReviseCmacsArea()
    {
        var batch = UploadDatabase.NewBatch("UPD-OWN");
        var created = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.95)]), KhmCmac));
        var cmac = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "cmac-surveyor");

        var status = await cmac.AcceptedAndFinishedAsync(await cmac.UploadRawAsync(GeoJsonFile.Of([Row($"{batch}-1", 102.95, "Walked again")]), KhmCmac));

        Assert.Equal(("ACCEPTED", "UPDATED"), (status.Line(0).Outcome(), status.Line(0).GetProperty("action").GetString()));
        Assert.Equal(created.Line(0).RecordId(), status.Line(0).RecordId());
        var area = await cmac.GetJsonAsync($"/api/hazard-areas/{status.Line(0).RecordId()}");
        Assert.Equal("cmac-surveyor", area.Props().GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task AFieldOperatorCannotRecordInAnotherOrganisationsNameFeatureByFeature()
    {
        var batch = UploadDatabase.NewBatch("UPD-NAME");
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-surveyor");

        var status = await halo.AcceptedAndFinishedAsync(await halo.UploadRawAsync(
            GeoJsonFile.Of([Row($"{batch}-1", 102.95) with { Organisation = "HALO" }, Row($"{batch}-2", 102.96)]),
            "country=KHM&organisation=HALO&kind=hazard-areas"));

        Assert.Equal(("ACCEPTED", null), (status.Line(0).Outcome(), status.Line(0).Rule()));
        Assert.Equal(("REJECTED", "not-your-organisation"), (status.Line(1).Outcome(), status.Line(1).Rule()));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }
}
