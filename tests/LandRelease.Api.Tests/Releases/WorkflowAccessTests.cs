using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>An operator drafts and submits; only the national authority of the decision's country decides on it.</summary>
public sealed class WorkflowAccessTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _admin = api.CreateClient();
    private readonly HttpClient _operator = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-3");

    public async ValueTask InitializeAsync()
    {
        await _admin.EnsureOrganisationAsync("CMAC", "KHM");
        await _admin.EnsureOrganisationAsync("NRA", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Guid> SubmittedByTheOperatorAsync()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _admin.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var (id, draft) = await _operator.DraftAsync(Decision(areaId, "CANCELLED", new Box(lon, lat, lon + 0.001, lat + 0.001).Polygon()));
        Assert.Equal("surveyor-3", draft.Props().Text("createdBy"));
        Assert.Equal("SUBMITTED", (await _operator.MovedAsync(id, "submit")).Props().Text("state"));
        return id;
    }

    [Fact]
    public async Task AFieldOperatorMayDraftAndSubmitButNotApprove()
    {
        var id = await SubmittedByTheOperatorAsync();

        var response = await _operator.MoveAsync(id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("SUBMITTED", (await _admin.DecisionPropsAsync(id)).Text("state"));
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    public async Task TheNationalAuthorityOfAnotherCountryMayNotDecide(string action)
    {
        var id = await SubmittedByTheOperatorAsync();
        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA", "officer-lao");

        var response = await laos.MoveAsync(id, action, "Not ours to decide");

        // Another country's decision is answered as a missing one: a 403 would tell which ids exist.
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("SUBMITTED", (await _admin.DecisionPropsAsync(id)).Text("state"));
        Assert.Single((await _admin.GetJsonAsync($"/api/release-decisions/{id}/events")).EnumerateArray());
    }

    [Fact]
    public async Task TheNationalAuthorityOfAnotherCountryCannotReadTheDecision()
    {
        var id = await SubmittedByTheOperatorAsync();
        var laos = api.ClientAs([Roles.NationalAuthority], ["LAO"], "NRA", "officer-lao");

        await (await laos.GetAsync($"/api/release-decisions/{id}", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await laos.GetAsync($"/api/release-decisions/{id}/events", Ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await laos.GetJsonAsync("/api/release-decisions?country=KHM");
        Assert.Empty(listed.GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task AnOperatorCannotDraftInTheNameOfAnotherOrganisation()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _admin.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        await _admin.EnsureOrganisationAsync("HALO", "KHM");

        var response = await _operator.PostDecisionAsync(Decision(areaId, "CLEARED",
            new Box(lon, lat, lon + 0.001, lat + 0.001).Polygon(), organisation: "HALO"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheAuthorityOfTheCountryApprovesWhatTheOperatorSubmitted()
    {
        var id = await SubmittedByTheOperatorAsync();
        var cambodia = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-khm");

        var approved = (await cambodia.MovedAsync(id, "approve")).Props();

        Assert.Equal("APPROVED", approved.Text("state"));
        var last = (await _admin.GetJsonAsync($"/api/release-decisions/{id}/events")).EnumerateArray().Last();
        Assert.Equal("officer-khm", last.Text("by"));
        Assert.Equal("CMAA", last.Text("byOrganisation"));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/events")]
    [InlineData("POST", "/submit")]
    [InlineData("POST", "/approve")]
    [InlineData("POST", "/revoke")]
    public async Task AnUnknownDecisionIsNotFound(string method, string suffix)
    {
        var url = $"/api/release-decisions/{Guid.NewGuid()}{suffix}";
        var response = method == "GET" ? await _admin.GetAsync(url, Ct) : await _admin.PostAsync(url, RawJson("""{"reason":"x"}"""), Ct);

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
