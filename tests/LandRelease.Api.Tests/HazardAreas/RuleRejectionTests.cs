using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Rules of the register (evidence, organisation, country, dates): a 422 naming the rule, and nothing written.</summary>
public sealed class RuleRejectionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await _client.EnsureOrganisationAsync("CMAC", "KHM");
        await _client.EnsureOrganisationAsync("LAO-ONLY", "LAO");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> AssertRejectedAsync(JsonObject feature, string rule, string field)
    {
        var localId = feature.Properties()["localId"]!.GetValue<string>();
        var violation = await (await _client.PostFeatureAsync(feature)).AssertViolationAsync(rule);
        Assert.Equal(field, violation.GetProperty("field").GetString());
        await api.AssertNothingStoredAsync(localId);
        return violation.GetProperty("message").GetString()!;
    }

    private static JsonArray IndirectOnly() =>
        new(new JsonObject { ["kind"] = "INDIRECT", ["description"] = "Villagers avoid the field" });

    [Fact]
    public async Task AConfirmedAreaWithOnlyIndirectEvidenceIsRejected()
    {
        var feature = Features.HazardArea(NewLocalId("CHA-IND"), classification: "CHA");
        feature.Properties()["evidence"] = IndirectOnly();

        await AssertRejectedAsync(feature, "cha-needs-direct-evidence", "properties.classification");
    }

    [Fact]
    public async Task ASuspectedAreaWithOnlyIndirectEvidenceIsAccepted()
    {
        var feature = Features.HazardArea(NewLocalId("SHA-IND"), classification: "SHA");
        feature.Properties()["evidence"] = IndirectOnly();

        var (_, body) = await _client.CreateAreaAsync(feature);

        Assert.Equal("SHA", body.Props().GetProperty("classification").GetString());
        Assert.Equal(["INDIRECT"], body.Props().GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToArray());
    }

    [Fact]
    public async Task AnUnknownOrganisationIsRejected()
    {
        var message = await AssertRejectedAsync(Features.HazardArea(NewLocalId("ORG-UNK"), organisation: "NOBODY"),
            "organisation-unknown", "properties.organisation");
        Assert.Contains("NOBODY", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrganisationNotWorkingInTheCountryIsRejected()
    {
        var message = await AssertRejectedAsync(Features.HazardArea(NewLocalId("ORG-LAO"), organisation: "LAO-ONLY"),
            "organisation-not-in-country", "properties.organisation");
        Assert.Contains("KHM", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCountryIsRejected()
    {
        var message = await AssertRejectedAsync(Features.HazardArea(NewLocalId("FRA"), country: "FRA"),
            "country-unknown", "properties.countryCode");
        Assert.Contains("FRA", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADateOfInformationInTheFutureIsRejected()
    {
        var nextYear = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd");

        var message = await AssertRejectedAsync(Features.HazardArea(NewLocalId("FUTURE"), dateOfInformation: nextYear),
            "date-of-information-in-future", "properties.dateOfInformation");
        Assert.Contains(nextYear, message, StringComparison.Ordinal);
    }
}
