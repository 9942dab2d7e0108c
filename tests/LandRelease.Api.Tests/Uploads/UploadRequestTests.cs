using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>The request around the file: parameters, who may send it, who may read its report. Nothing is recorded for a refused request.</summary>
public sealed class UploadRequestTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("NRA", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static byte[] OneArea(string batch) => GeoJsonFile.Of([new AreaRow($"{batch}-1", UploadFiles.Square(102.95, 13.55, 0.002))]);

    private Task<long> UploadsByAsync(string user) => api.ScalarAsync<long>("SELECT count(*) FROM uploads WHERE created_by = $1", user);

    [Fact]
    public async Task MissingParametersAreA400NamingEachOne()
    {
        var response = await _client.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-NONE")), "");

        Assert.Equal(["country", "kind"], (await response.AssertValidationErrorsAsync()).Order());
    }

    [Theory]
    [InlineData("country=KH&organisation=CMAC&kind=hazard-areas", "country")]
    [InlineData("country=KHM&organisation=CMAC&kind=minefields", "kind")]
    [InlineData("country=KHM&organisation=CMAC&kind=hazard-areas&atomic=maybe", "atomic")]
    public async Task AnUnreadableParameterIsA400NamingIt(string query, string field)
    {
        var response = await _client.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-BAD")), query);

        Assert.Equal([field], await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AFormWithoutFieldsIsA400NamingEachMissingOne()
    {
        var response = await _client.UploadFormAsync(OneArea(UploadDatabase.NewBatch("P-FORM")), "a.geojson", new Dictionary<string, string>());

        Assert.Equal(["country", "kind"], (await response.AssertValidationErrorsAsync()).Order());
    }

    [Fact]
    public async Task FieldsSentAfterTheFileAreReadAndTheFileLands()
    {
        var batch = UploadDatabase.NewBatch("P-LATE");
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(OneArea(batch)), "file", "a.geojson" },
            { new StringContent("KHM"), "country" }, { new StringContent("CMAC"), "organisation" }, { new StringContent("hazard-areas"), "kind" },
        };

        var response = await _client.PostAsync("/api/uploads", form, Ct);

        var status = await _client.AcceptedAndFinishedAsync(response);
        Assert.Equal(("DONE", 1, "a.geojson"), (status.State(), status.Count("accepted"), status.GetProperty("fileName").GetString()));
        Assert.Equal(1L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task WithoutAnOrganisationTheUploadIsInTheNameOfTheSendersOwn()
    {
        await _client.EnsureOrganisationAsync("HALO", "KHM");
        var batch = UploadDatabase.NewBatch("P-OWN");
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-own");
        var file = GeoJsonFile.Of([new AreaRow($"{batch}-1", UploadFiles.Square(102.95, 13.55, 0.002)) { Organisation = "HALO" }]);

        var status = await halo.AcceptedAndFinishedAsync(await halo.UploadRawAsync(file, "country=KHM&kind=hazard-areas"));

        Assert.Equal(("DONE", 1, "HALO"), (status.State(), status.Count("accepted"), status.GetProperty("organisation").GetString()));
    }

    [Fact]
    public async Task WithoutAnOrganisationAnAccountActingForNoneIsA400NamingIt()
    {
        var nobody = api.ClientAs([Roles.NationalAuthority], ["KHM"], null, "no-organisation");

        var response = await nobody.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-NOORG")), "country=KHM&kind=hazard-areas");

        Assert.Equal(["organisation"], await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AFormWithoutAFilePartIsA400NamingTheFile()
    {
        using var form = new MultipartFormDataContent { { new StringContent("KHM"), "country" }, { new StringContent("CMAC"), "organisation" } };

        var response = await _client.PostAsync("/api/uploads", form, Ct);

        Assert.Equal(["file"], await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AnUnknownCountryIsA422()
    {
        var batch = UploadDatabase.NewBatch("P-FRA");

        var response = await _client.UploadRawAsync(OneArea(batch), "country=FRA&organisation=CMAC&kind=hazard-areas");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("country-unknown", problem.Code());
        Assert.Equal(0L, await api.AreasAsync(batch));
    }

    [Theory]
    [InlineData("NOBODY")]
    [InlineData("NRA")]
    public async Task AnOrganisationUnknownOrNotWorkingInTheCountryIsA422(string organisation)
    {
        var batch = UploadDatabase.NewBatch("P-ORG");

        var response = await _client.UploadRawAsync(OneArea(batch), $"country=KHM&organisation={organisation}&kind=hazard-areas");

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("organisation-unknown", problem.Code());
        Assert.Contains(organisation, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task ATokenOfAnotherCountryIsForbiddenAndRecordsNothing()
    {
        var batch = UploadDatabase.NewBatch("P-LAO");
        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA", "lao-officer");

        var response = await laos.UploadRawAsync(OneArea(batch), KhmCmac);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await UploadsByAsync("lao-officer"));
        Assert.Equal(0L, await api.AreasAsync(batch));
    }

    [Fact]
    public async Task AFieldOperatorCannotUploadInAnotherOrganisationsName()
    {
        var halo = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO", "halo-uploader");

        var response = await halo.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-NAME")), KhmCmac);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0L, await UploadsByAsync("halo-uploader"));
    }

    [Fact]
    public async Task ARegionalViewerMayNotUploadAndAnonymousCallersAreUnauthorised()
    {
        var viewer = api.ClientAs([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC");
        var anonymous = api.ClientAs([], [], null);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-RV")), KhmCmac)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-AN")), KhmCmac)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownUploadIsNotFound()
    {
        var response = await _client.GetAsync($"/api/uploads/{Guid.NewGuid()}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherCountrysUserCannotReadTheReport()
    {
        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-READ")), KhmCmac));
        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA");
        var cambodianOperator = api.ClientAs([Roles.FieldOperator], ["KHM"], "HALO");

        await (await laos.GetAsync($"/api/uploads/{status.Id()}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await cambodianOperator.GetAsync($"/api/uploads/{status.Id()}", Ct)).StatusCode);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=-2", "after")]
    [InlineData("outcome=MAYBE", "outcome")]
    public async Task BadPagingParametersAreA400NamingThem(string query, string field)
    {
        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-PAGE")), KhmCmac));

        var response = await _client.GetAsync($"/api/uploads/{status.Id()}?{query}", Ct);

        Assert.Equal([field], await response.AssertValidationErrorsAsync());
    }

    [Theory]
    [InlineData("limit=ten")]
    [InlineData("after=first")]
    public async Task PagingParametersThatAreNotNumbersAreA400ProblemToo(string query)
    {
        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(OneArea(UploadDatabase.NewBatch("P-NUM")), KhmCmac));

        var response = await _client.GetAsync($"/api/uploads/{status.Id()}?{query}", Ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}
