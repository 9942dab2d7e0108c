using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

public sealed class RevisionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Revision(string localId, string name, string? reason = "Boundary re-walked by TS team 3")
    {
        var feature = Features.HazardArea(localId, Features.Square(103.6, 12.7, 0.003));
        feature.Properties()["name"] = name;
        feature.Properties()["status"] = "WORKED_ON";
        if (reason is not null)
        {
            feature.Properties()["changeReason"] = reason;
        }

        return feature;
    }

    [Fact]
    public async Task ARevisionWithoutIfMatchIsRefusedWith428()
    {
        var localId = NewLocalId("REV-428");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        await (await _client.PutFeatureAsync(id, Revision(localId, "Renamed"), ifMatch: null))
            .AssertProblemAsync(HttpStatusCode.PreconditionRequired);

        Assert.Equal(1, await api.ScalarAsync<int>("SELECT version FROM hazard_areas WHERE id = $1", id));
    }

    [Fact]
    public async Task ARevisionOfAStaleVersionIsRefusedWith412AndChangesNothing()
    {
        var localId = NewLocalId("REV-412");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        await (await _client.PutFeatureAsync(id, Revision(localId, "Renamed"), "\"99\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(1, await api.ScalarAsync<int>("SELECT version FROM hazard_areas WHERE id = $1", id));
        Assert.Equal($"Rice field {localId}", await api.ScalarAsync<string>("SELECT name FROM hazard_areas WHERE id = $1", id));
        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task AValidRevisionIsVersionTwo()
    {
        var localId = NewLocalId("REV-OK");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        var response = await _client.PutFeatureAsync(id, Revision(localId, "Rice field, north part"), "\"1\"");

        var body = await response.AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var p = body.Props();
        Assert.Equal(2, p.GetProperty("version").GetInt32());
        Assert.Equal("Rice field, north part", p.GetProperty("name").GetString());
        Assert.Equal("WORKED_ON", p.GetProperty("status").GetString());
        Assert.Equal("test-user", p.GetProperty("recordedBy").GetString());
        Assert.Equal("CMAA", p.GetProperty("recordedByOrganisation").GetString());
        Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM hazard_areas WHERE id = $1", id));
        Assert.Equal(2L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task ARevisionMustSayWhy()
    {
        var localId = NewLocalId("REV-WHY");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        var fields = await (await _client.PutFeatureAsync(id, Revision(localId, "Renamed", reason: null), "\"1\"")).AssertValidationErrorsAsync();

        Assert.Equal(["properties.changeReason"], fields);
        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task ARevisionCannotChangeTheLocalId()
    {
        var localId = NewLocalId("REV-ID");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

        var violation = await (await _client.PutFeatureAsync(id, Revision(localId + "-B", "Renamed"), "\"1\""))
            .AssertViolationAsync("identity-is-fixed");

        Assert.Equal("properties.localId", violation.GetProperty("field").GetString());
        Assert.Equal(localId, await api.ScalarAsync<string>("SELECT local_id FROM hazard_areas WHERE id = $1", id));
        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task ARevisionWithAnUnreadableBodyIsABadRequestProblem()
    {
        var localId = NewLocalId("REV-JSON");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/hazard-areas/{id}") { Content = RawJson("{\"type\": \"Feature\", \"prop") };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await _client.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(1L, await api.VersionRowsAsync(id));
    }

    [Fact]
    public async Task RevisingAnUnknownAreaIsANotFoundProblem()
    {
        var id = Guid.NewGuid();
        var problem = await (await _client.PutFeatureAsync(id, Revision(NewLocalId("REV-404"), "Nobody"), "\"1\""))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetWithTheCurrentETagIsNotModified()
    {
        var localId = NewLocalId("REV-304");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));
        (await _client.PutFeatureAsync(id, Revision(localId, "Renamed"), "\"1\"")).EnsureSuccessStatusCode();

        var current = await Conditional(id, "\"2\"");
        var stale = await Conditional(id, "\"1\"");

        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
        Assert.Empty(await current.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    [Fact]
    public async Task HistoryListsEveryVersionInOrderWithItsReason()
    {
        var localId = NewLocalId("REV-HIST");
        var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));
        (await _client.PutFeatureAsync(id, Revision(localId, "Renamed", "Split after TS"), "\"1\"")).EnsureSuccessStatusCode();

        var history = await _client.GetJsonAsync($"/api/hazard-areas/{id}/history");

        var versions = history.GetProperty("features").EnumerateArray().Select(f => f.Props()).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()).ToArray());
        Assert.Equal(["Registered", "Split after TS"], versions.Select(v => v.GetProperty("changeReason").GetString()).ToArray());
        Assert.Equal([$"Rice field {localId}", "Renamed"], versions.Select(v => v.GetProperty("name").GetString()).ToArray());
        Assert.Equal(2, history.GetProperty("numberReturned").GetInt32());
    }

    private Task<HttpResponseMessage> Conditional(Guid id, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/hazard-areas/{id}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        return _client.SendAsync(request, Ct);
    }
}
