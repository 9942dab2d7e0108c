using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>Input that cannot be a release decision: 400 naming the field, or 422 naming the rule; never a 500, nothing stored.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();
    private Guid _areaId;
    private double _lon;
    private double _lat;

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("NRA", "LAO");
        (_lon, _lat) = NewSpot();
        (_areaId, _) = await _client.NewAreaAsync(new Box(_lon, _lat, _lon + 0.002, _lat + 0.002));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private JsonObject Valid() => Decision(_areaId, "CLEARED", new Box(_lon, _lat, _lon + 0.001, _lat + 0.001).Polygon());

    private Task<long> StoredAsync() => api.ScalarAsync<long>("SELECT count(*) FROM release_decisions");

    /// <summary>Posts the body, and checks that no decision was stored by it.</summary>
    private async Task<HttpResponseMessage> PostNothingStoredAsync(HttpContent content)
    {
        var before = await StoredAsync();
        var response = await _client.PostAsync("/api/release-decisions", content, Ct);
        Assert.Equal(before, await StoredAsync());
        return response;
    }

    private Task<HttpResponseMessage> PostNothingStoredAsync(JsonObject body) => PostNothingStoredAsync(RawJson(body.ToJsonString()));

    [Theory]
    [InlineData("hazardAreaId")]
    [InlineData("kind")]
    [InlineData("geometry")]
    [InlineData("organisation")]
    [InlineData("dateOfInformation")]
    public async Task AMissingRequiredFieldIsNamed(string field)
    {
        var body = Valid();
        body.Remove(field);

        Assert.Equal([field], await (await PostNothingStoredAsync(body)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task EveryMissingFieldIsNamedAtOnce()
    {
        var fields = await (await _client.PostAsync("/api/release-decisions", RawJson("{}"), Ct)).AssertValidationErrorsAsync();

        Assert.Equal(["dateOfInformation", "geometry", "hazardAreaId", "kind", "organisation"], fields.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("kind", "DEMINED")]
    [InlineData("dateOfInformation", "2024-02-30")]
    [InlineData("geometry", "POINT(103 13)")]
    public async Task AValueThatCannotBeReadIsNamed(string field, string value)
    {
        var body = Valid();
        body[field] = value;

        Assert.Equal([field], await (await _client.PostDecisionAsync(body)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AnUnknownHazardAreaIsARuleViolation()
    {
        var body = Valid();
        body["hazardAreaId"] = Guid.NewGuid().ToString();

        Assert.Equal("hazardAreaId", (await (await PostNothingStoredAsync(body)).AssertViolationAsync("hazard-area-unknown")).Text("field"));
    }

    [Fact]
    public async Task ASelfIntersectingPolygonIsRefusedAsInvalidGeometry()
    {
        var body = Valid();
        body["geometry"] = Features.Polygon((_lon, _lat), (_lon + 0.001, _lat + 0.001), (_lon + 0.001, _lat), (_lon, _lat + 0.001), (_lon, _lat));

        await (await PostNothingStoredAsync(body)).AssertViolationAsync("invalid-geometry");
    }

    [Fact]
    public async Task AnOrganisationNotWorkingInTheAreasCountryIsRefused()
    {
        var body = Valid();
        body["organisation"] = "NRA";

        Assert.Equal("organisation",
            (await (await PostNothingStoredAsync(body)).AssertViolationAsync("organisation-not-in-country")).Text("field"));
    }

    [Fact]
    public async Task AnUnknownOrganisationIsRefused()
    {
        var body = Valid();
        body["organisation"] = "NOBODY";

        await (await _client.PostDecisionAsync(body)).AssertViolationAsync("organisation-not-in-country");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000")]
    public async Task AnAttachmentWithABadSha256IsNamed(string sha256)
    {
        var body = Valid();
        body["attachments"] = new JsonArray(new JsonObject { ["kind"] = "COMPLETION_REPORT", ["fileName"] = "report.pdf", ["sha256"] = sha256 });

        Assert.Equal(["attachments[0].sha256"], await (await _client.PostDecisionAsync(body)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AGoodAttachmentIsKeptWithItsHashInLowerCase()
    {
        var body = Valid();
        var sha = new string('A', 64);
        body["attachments"] = new JsonArray(new JsonObject
        {
            ["kind"] = "HANDOVER_CERTIFICATE", ["fileName"] = "certificate.pdf", ["sha256"] = sha, ["signedBy"] = "Commune chief",
        });

        var (_, feature) = await _client.DraftAsync(body);

        var attachment = Assert.Single(feature.Props().GetProperty("attachments").EnumerateArray());
        Assert.Equal("HANDOVER_CERTIFICATE", attachment.Text("kind"));
        Assert.Equal(new string('a', 64), attachment.Text("sha256"));
        Assert.Equal("Commune chief", attachment.Text("signedBy"));
    }

    [Theory]
    [InlineData("{\"hazardAreaId\": ")]
    [InlineData("{\"hazardAreaId\": \"not-a-guid\", \"kind\": \"CLEARED\"}")]
    [InlineData("{\"kind\": 3}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("not json")]
    public async Task ABodyThatIsNotADecisionIsABadRequestProblem(string raw)
    {
        var problem = await (await PostNothingStoredAsync(RawJson(raw))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.TryGetProperty("detail", out _) || problem.TryGetProperty("errors", out _), $"Says nothing: {problem}");
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("reject")]
    [InlineData("revoke")]
    public async Task AWorkflowBodyThatIsNotJsonIsABadRequestProblem(string action)
    {
        var (id, _) = await _client.DraftAsync(Valid());

        await (await _client.PostAsync($"/api/release-decisions/{id}/{action}", RawJson("{\"reason\": "), Ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("DRAFT", (await _client.DecisionPropsAsync(id)).Text("state"));
    }

    [Fact]
    public async Task AWorkflowMoveWithNoBodyAtAllIsAccepted()
    {
        var (id, _) = await _client.DraftAsync(Valid());

        var response = await _client.PostAsync($"/api/release-decisions/{id}/submit", null, Ct);

        Assert.Equal("SUBMITTED", (await response.AssertJsonAsync(HttpStatusCode.OK)).Props().Text("state"));
    }

    [Fact]
    public async Task AnUnknownStateFilterIsNamed() =>
        Assert.Equal(["state"], await (await _client.GetAsync("/api/release-decisions?state=FINISHED", Ct)).AssertValidationErrorsAsync());
}
