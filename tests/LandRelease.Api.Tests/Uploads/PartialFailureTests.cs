using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.Uploads;

/// <summary>Good features land, each bad one is reported with the rule it broke; with atomic=true nothing lands.</summary>
public sealed class PartialFailureTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const double L = 102.95, A = 13.55, D = 0.002;
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One feature per rule, in file order: (feature, expected outcome, expected first rule or warning).</summary>
    private static List<(JsonObject Feature, string Outcome, string? Rule, string? Warning)> Defects(string batch)
    {
        JsonObject Area(int n, JsonObject? geometry = null) => Features.HazardArea($"{batch}-{n:00}", geometry ?? Features.Square(L + n * 0.004, A, D));
        var noLocalId = Area(8);
        noLocalId.Properties().Remove("localId");
        var badClass = Area(9);
        badClass.Properties()["classification"] = "XHA";
        var indirectOnly = Area(10);
        indirectOnly.Properties()["evidence"] = new JsonArray(new JsonObject { ["kind"] = "INDIRECT", ["description"] = "Villagers avoid it" });
        var threeDimensional = Area(15, new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(new JsonArray(
                new JsonArray(L, A + 0.01, 12.0), new JsonArray(L + D, A + 0.01, 12.0), new JsonArray(L + D, A + 0.01 + D, 12.0),
                new JsonArray(L, A + 0.01, 12.0))),
        });
        return
        [
            (Area(0), "ACCEPTED", null, null),
            (Area(1, Features.Polygon((L, A), (L + D, A), (L + D, A), (L, A))), "REJECTED", "too-few-vertices", null),
            (Area(2, Features.Polygon((L, A), (L + D, A + D), (L + D, A), (L, A + D), (L, A))), "REJECTED", "invalid-geometry", null),
            (Area(3, Features.Polygon((103, 12), (103.01, 12), (103.01, 12.005), (103.05, 12.0051), (103.01, 12.0052), (103.01, 12.01), (103, 12.01), (103, 12))),
                "ACCEPTED", null, "spike"),
            (Area(4, Features.Polygon((L, A + 0.02), (L + D, A + 0.02), (L + D, A + 0.02), (L + D, A + 0.02 + D), (L, A + 0.02 + D), (L, A + 0.02))),
                "ACCEPTED", null, "duplicate-vertices"),
            (Area(5, Features.Square(100.5, 15.0, D)), "REJECTED", "outside-country", null),
            (Area(6, Features.Polygon((A, L), (A, L + D), (A + D, L + D), (A + D, L), (A, L))), "REJECTED", "swapped-coordinates", null),
            (Area(7, Features.Polygon((L, A), (L + 0.001, A + 0.001), (L + D, A + D), (L, A))), "REJECTED", "zero-area", null),
            (noLocalId, "REJECTED", "unreadable-attribute", null),
            (badClass, "REJECTED", "unreadable-attribute", null),
            (indirectOnly, "REJECTED", "cha-needs-direct-evidence", null),
            (Features.HazardArea($"{batch}-11", dateOfInformation: DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd")),
                "REJECTED", "date-of-information-in-future", null),
            (Features.HazardArea($"{batch}-12", organisation: "NOBODY"), "REJECTED", "organisation-unknown", null),
            (Area(13, Features.Polygon((L, A), (1e308, A), (L + D, A + D), (L, A))), "REJECTED", "coordinate-range", null),
            (Area(14, Features.Square(103.2, 13.2, 0.06)), "ACCEPTED", null, "long-edge"),
            (threeDimensional, "ACCEPTED", null, "z-m-dropped"),
        ];
    }

    [Fact]
    public async Task GoodFeaturesLandAndEveryBadOneIsReportedWithItsRule()
    {
        var batch = UploadDatabase.NewBatch("PART");
        var defects = Defects(batch);

        var response = await _client.UploadRawAsync(FeatureCollection([.. defects.Select(d => d.Feature)]), KhmCmac);

        // The 202 already lists the rejected features, so a sender sees what to fix without a second request.
        var immediate = await response.AssertJsonAsync(HttpStatusCode.Accepted);
        var rejected = defects.Select((d, i) => (d, i)).Where(x => x.d.Outcome == "REJECTED").Select(x => x.i).ToArray();
        // The reply lists every rejection, and the accepted features that carry a warning.
        Assert.Equal(rejected, immediate.Lines().Where(l => l.Outcome() == "REJECTED").Select(l => l.GetProperty("index").GetInt32()));
        Assert.All(immediate.Lines().Where(l => l.Outcome() != "REJECTED"), l => Assert.NotEmpty(l.Rules("warnings")));
        var status = await _client.WaitForAsync(immediate.Id());
        Assert.Equal(("DONE", 5, 11), (status.State(), status.Count("accepted"), status.Count("rejected")));
        var report = await _client.WholeReportAsync(status.Id());
        Assert.Equal(Enumerable.Range(0, defects.Count), report.Select(l => l.GetProperty("index").GetInt32()));
        for (var i = 0; i < defects.Count; i++)
        {
            var (_, outcome, rule, warning) = defects[i];
            var line = report[i];
            Assert.True(outcome == line.Outcome() && rule == line.Rule(),
                $"Feature {i}: expected {outcome} {rule}, got {line.Outcome()} {line.Rule()}: {line}");
            if (warning is not null)
            {
                Assert.Contains(warning, line.Rules("warnings"));
                Assert.Equal("CREATED", line.GetProperty("action").GetString());
                await _client.GetJsonAsync($"/api/hazard-areas/{line.RecordId()}");
            }

            if (outcome == "REJECTED")
            {
                Assert.Equal(JsonValueKind.Null, line.GetProperty("id").ValueKind);
                Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("message").GetString()));
            }
        }

        Assert.Equal("properties.localId", report[8].Violation("unreadable-attribute").GetProperty("field").GetString());
        Assert.Equal("properties.classification", report[9].Violation("unreadable-attribute").GetProperty("field").GetString());
        Assert.Contains("NOBODY", report[12].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5L, await api.AreasAsync(batch));
        Assert.Equal(5L, await api.VersionsAsync(batch));
    }

    [Fact]
    public async Task WithAtomicOneBadFeatureMeansNothingLandsAndTheGoodOnesAreNotStored()
    {
        var batch = UploadDatabase.NewBatch("ATOM");
        var good = Enumerable.Range(0, 3).Select(i => Features.HazardArea($"{batch}-{i}", Features.Square(L + i * 0.004, A, D))).ToList();
        var bad = Features.HazardArea($"{batch}-bad", Features.Square(100.5, 15.0, D));
        var areasBefore = await api.AllAreasAsync();

        var response = await _client.UploadRawAsync(FeatureCollection(good[0], good[1], bad, good[2]), KhmCmac + "&atomic=true");

        var status = await _client.WaitForAsync((await response.AssertJsonAsync(HttpStatusCode.Accepted)).Id());
        Assert.Equal(("FAILED", 0, 1), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.True(status.GetProperty("atomic").GetBoolean());
        Assert.EndsWith("atomic-upload-rejected", status.GetProperty("problem").GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(["NOT_STORED", "NOT_STORED", "REJECTED", "NOT_STORED"], status.Lines().Select(l => l.Outcome()));
        Assert.Equal("outside-country", status.Line(2).Rule());
        Assert.All(status.Lines(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("id").ValueKind));
        Assert.Equal(areasBefore, await api.AllAreasAsync());
        Assert.Equal((0L, 0L, 0L), await api.FootprintAsync(batch));
        Assert.Equal(0L, await api.StagedRowsAsync(status.Id()));
    }

    [Fact]
    public async Task WithAtomicAndNoBadFeatureEverythingLands()
    {
        var batch = UploadDatabase.NewBatch("ATOM-OK");
        var features = Enumerable.Range(0, 3).Select(i => Features.HazardArea($"{batch}-{i}", Features.Square(L + i * 0.004, A, D))).ToArray();

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(FeatureCollection(features), KhmCmac + "&atomic=true"));

        Assert.Equal(("DONE", 3, 0), (status.State(), status.Count("accepted"), status.Count("rejected")));
        Assert.Equal((3L, 3L, 3L), await api.FootprintAsync(batch));
    }

    [Fact]
    public async Task EachCreatedAreaHasItsVersionAndAnAuditRowNamingTheUploader()
    {
        var batch = UploadDatabase.NewBatch("AUDIT");

        var status = await _client.AcceptedAndFinishedAsync(await _client.UploadRawAsync(
            FeatureCollection(Features.HazardArea($"{batch}-1")), KhmCmac));

        var id = status.Line(0).RecordId();
        var audit = await _client.GetJsonAsync($"/api/audit?entityId={id}");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("CREATE", "test-user", "CMAA"), (entry.GetProperty("action").GetString(), entry.GetProperty("actor").GetString(),
            entry.GetProperty("actorOrganisation").GetString()));
        Assert.Contains(status.Id().ToString(), entry.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var history = await _client.GetJsonAsync($"/api/hazard-areas/{id}/history");
        Assert.Single(history.GetProperty("features").EnumerateArray());
    }
}
