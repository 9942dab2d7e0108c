using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Access;

/// <summary>
/// PostgreSQL stores no NUL character in text or jsonb: wherever one arrives (a JSON string, a query parameter, a
/// form field, a file name, an uploaded attribute) it is a 400 naming the field, or a rejected feature, never a 500.
/// </summary>
public sealed class UnstorableTextTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData("name")]
    [InlineData("localId")]
    [InlineData("organisation")]
    [InlineData("changeReason")]
    public async Task ANulInAHazardousAreasTextIsA400NamingTheField(string property)
    {
        var localId = NewLocalId("NUL");
        var feature = Features.HazardArea(localId);
        feature.Properties()[property] = property == "localId" ? localId + "\0" : "CM\0AC";

        var fields = await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync();

        Assert.Equal([$"properties.{property}"], fields);
        await api.AssertNothingStoredAsync(localId);
    }

    [Fact]
    public async Task ANulDeepInAnArrayIsNamedByItsPath()
    {
        var feature = Features.HazardArea(NewLocalId("NUL"));
        feature.Properties()["evidence"]![1]!["description"] = "Village chief\0 interview";

        Assert.Equal(["properties.evidence[1].description"], await (await _client.PostFeatureAsync(feature)).AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task AnUnpairedSurrogateIsA400()
    {
        var body = Features.HazardArea(NewLocalId("SURROGATE")).ToJsonString().Replace("Rice field", "Rice \\ud800 field", StringComparison.Ordinal);

        await (await _client.PostAsync("/api/hazard-areas", RawJson(body), Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ANulInDecisionNotesOrAWorkflowReasonIsA400NamingIt()
    {
        var (lon, lat) = ReleaseApi.NewSpot();
        var (area, _) = await _client.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var body = ReleaseApi.Decision(area, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.001).Polygon());
        body["notes"] = "Completion report\0";

        Assert.Equal(["notes"], await (await _client.PostDecisionAsync(body)).AssertValidationErrorsAsync());

        body["notes"] = "Completion report";
        var (id, _) = await _client.DraftAsync(body);
        await _client.MovedAsync(id, "submit");
        Assert.Equal(["reason"], await (await _client.MoveAsync(id, "reject", "wrong\0polygon")).AssertValidationErrorsAsync());
        Assert.Equal("SUBMITTED", (await _client.DecisionPropsAsync(id)).Text("state"));
    }

    [Fact]
    public async Task ANulInAnOrganisationIsA400NamingTheField()
    {
        var body = new JsonObject { ["code"] = "NUL", ["name"] = "Null\0 Org", ["kind"] = "OPERATOR", ["countries"] = new JsonArray("KHM") };

        Assert.Equal(["name"], await (await _client.PostAsync("/api/organisations", RawJson(body.ToJsonString()), Ct)).AssertValidationErrorsAsync());
    }

    [Theory]
    [InlineData("/api/hazard-areas?country=KH%00M", "country")]
    [InlineData("/api/release-decisions?country=%00", "country")]
    [InlineData("/api/reports/countries/KHM?from=%00", "from")]
    [InlineData("/api/uploads/00000000-0000-0000-0000-000000000001?outcome=%00", "outcome")]
    [InlineData("/api/audit?entityType=HAZARD_AREA%00", "entityType")]
    public async Task ANulInAQueryParameterIsA400NamingIt(string url, string field) =>
        Assert.Equal([field], await (await _client.GetAsync(url, Ct)).AssertValidationErrorsAsync());

    [Theory]
    [InlineData("country", "K\0M")]
    [InlineData("organisation", "CM\0AC")]
    [InlineData("layer", "areas\0")]
    public async Task ANulInAnUploadFormFieldIsA400NamingIt(string field, string value)
    {
        var file = FeatureCollection(Features.HazardArea(NewLocalId("NUL-FORM")));

        var response = await _client.UploadFormAsync(file, "areas.geojson", KhmCmacFields((field, value)));

        Assert.Equal([field], await response.AssertValidationErrorsAsync());
    }

    [Fact]
    public async Task ANulInAnUploadedFilesNameIsA400()
    {
        var file = FeatureCollection(Features.HazardArea(NewLocalId("NUL-NAME")));
        using var content = new ByteArrayContent(file);
        content.Headers.TryAddWithoutValidation("Content-Disposition", "attachment; filename*=UTF-8''areas%00.geojson");

        var response = await _client.UploadRawAsync(content, KhmCmac);

        Assert.Equal(["fileName"], await response.AssertValidationErrorsAsync());
    }

    [Theory]
    [InlineData("hazard-areas", "name")]
    [InlineData("hazard-areas", "localId")]
    [InlineData("activities", "localId")]
    public async Task ANulInAnUploadedAttributeRejectsItsFeatureNamingTheAttribute(string kind, string attribute)
    {
        var good = Features.HazardArea(NewLocalId("NUL-OK"));
        var bad = Features.HazardArea(NewLocalId("NUL-BAD"));
        bad.Properties()[attribute] = "bad\0value";

        var status = await _client.AcceptedAndFinishedAsync(
            await _client.UploadRawAsync(FeatureCollection(good, bad), $"country=KHM&organisation=CMAC&kind={kind}"));

        Assert.True(status.State() == "DONE", status.ToString());
        var line = status.Line(1);
        Assert.Equal("REJECTED", line.Outcome());
        Assert.DoesNotContain("\0", line.ToString(), StringComparison.Ordinal);
        Assert.Contains("U+0000", line.ToString(), StringComparison.Ordinal);
        if (kind == "hazard-areas")
        {
            Assert.Contains(line.GetProperty("violations").EnumerateArray(), v => v.GetProperty("rule").GetString() == "unreadable-attribute"
                && v.GetProperty("field").GetString() == attribute && v.GetProperty("message").GetString()!.Contains("U+0000", StringComparison.Ordinal));
        }
    }
}
