using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Activities;
using LandRelease.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.Activities.ActivityApi;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Activities;

/// <summary>
/// The register as the batch upload calls it, one feature at a time: the feature names its area, and a local id
/// already used in the country updates that activity instead of duplicating it.
/// </summary>
public sealed class UpsertTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private static readonly UserScope Uploader = UserScope.From(new ClaimsPrincipal(new ClaimsIdentity([
        new Claim(TokenClaims.Name, "uploader"), new Claim(TokenClaims.Role, Roles.FieldOperator),
        new Claim(TokenClaims.Country, "KHM"), new Claim(TokenClaims.Organisation, "CMAC")], "test")));

    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<ActivityOutcome> UploadAsync(JsonObject feature, ActivityWriteMode mode = ActivityWriteMode.UpsertByLocalId)
    {
        var request = feature.Deserialize<ActivityFeatureRequest>(JsonSerializerOptions.Web);
        await using var scope = api.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<ActivityRegister>();
        return await register.RecordAsync(request, AreaReference.FromFeature(request, "KHM"), Uploader, mode, Ct);
    }

    private static JsonObject Named(TestArea area, JsonObject feature, string? areaLocalId = null)
    {
        if (areaLocalId is null)
        {
            feature.Properties()["hazardAreaId"] = area.Id.ToString();
        }
        else
        {
            feature.Properties()["hazardAreaLocalId"] = areaLocalId;
        }

        return feature;
    }

    [Fact]
    public async Task TheSameLocalIdUpdatesTheActivityAndAnIdenticalResubmissionChangesNothing()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("UP");

        var first = Assert.IsType<ActivityOutcome.Stored>(await UploadAsync(Named(area, Clearance(area, localId))));
        var again = Assert.IsType<ActivityOutcome.Stored>(await UploadAsync(Named(area, Clearance(area, localId))));
        var changed = Named(area, Clearance(area, localId));
        changed.Properties()["devices"] = new JsonArray(Device("AP_MINE", 9, 9));
        var third = Assert.IsType<ActivityOutcome.Stored>(await UploadAsync(changed));

        Assert.Equal((ActivityWrite.Created, ActivityWrite.Unchanged, ActivityWrite.Revised), (first.Write, again.Write, third.Write));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Id, third.Id);
        Assert.Equal((1, 1, 2), (first.Version, again.Version, third.Version));
        Assert.Equal(1L, await api.ActivityRowsAsync(area.Id));
        Assert.Equal(2L, await api.ScalarAsync<long>("SELECT count(*) FROM activity_versions WHERE activity_id = $1", first.Id));
        Assert.Equal(9L, await api.ScalarAsync<long>("SELECT sum(found) FROM activity_devices WHERE activity_id = $1", first.Id));
        Assert.Equal(ActivityRegister.ResubmittedReason, await api.ScalarAsync<string>(
            "SELECT change_reason FROM activities WHERE id = $1", first.Id));
    }

    [Fact]
    public async Task AFeatureMayNameItsAreaByTheAreasLocalId()
    {
        var area = await _client.NewTestAreaAsync();
        var areaLocalId = (await _client.GetJsonAsync($"/api/hazard-areas/{area.Id}")).Props().GetProperty("localId").GetString()!;

        var stored = Assert.IsType<ActivityOutcome.Stored>(await UploadAsync(Named(area, Clearance(area), areaLocalId)));

        Assert.Equal(area.Id, await api.ScalarAsync<Guid>("SELECT hazard_area_id FROM activities WHERE id = $1", stored.Id));
    }

    [Fact]
    public async Task AFeatureNamingNoAreaOrAnUnknownOneIsRejectedAndNothingStored()
    {
        var area = await _client.NewTestAreaAsync();

        var unnamed = Assert.IsType<ActivityOutcome.Malformed>(await UploadAsync(Clearance(area)));
        var unknown = Assert.IsType<ActivityOutcome.Missing>(await UploadAsync(Named(area, Clearance(area), "NO-SUCH-AREA")));

        Assert.Contains("properties.hazardAreaId", unnamed.Errors.Keys);
        Assert.Contains("NO-SUCH-AREA", unknown.What, StringComparison.Ordinal);
        Assert.Equal(0L, await api.ActivityRowsAsync(area.Id));
    }

    [Fact]
    public async Task ALocalIdAlreadyUsedOnAnotherAreaCannotMoveTheActivity()
    {
        var area = await _client.NewTestAreaAsync();
        var other = await _client.NewTestAreaAsync();
        var localId = NewLocalId("MOVE");
        await UploadAsync(Named(area, Clearance(area, localId)));

        var rejected = Assert.IsType<ActivityOutcome.Rejected>(await UploadAsync(Named(other, Clearance(other, localId))));

        Assert.Equal("identity-is-fixed", Assert.Single(rejected.Violations).Rule);
        Assert.Equal(0L, await api.ActivityRowsAsync(other.Id));
    }

    [Fact]
    public async Task WithoutUpsertASecondFeatureWithTheLocalIdIsADuplicate()
    {
        var area = await _client.NewTestAreaAsync();
        var localId = NewLocalId("ONCE");
        var first = Assert.IsType<ActivityOutcome.Stored>(await UploadAsync(Named(area, Clearance(area, localId)), ActivityWriteMode.CreateOnly));

        var duplicate = Assert.IsType<ActivityOutcome.Duplicate>(await UploadAsync(Named(area, Clearance(area, localId)), ActivityWriteMode.CreateOnly));

        Assert.Equal(first.Id, duplicate.ExistingId);
    }

    [Fact]
    public async Task ARuleBrokenInAFeatureIsReportedWithTheFieldForTheUploadReport()
    {
        var area = await _client.NewTestAreaAsync();
        var feature = Named(area, Activity(area, "NTS", null, outcomes: [Outcome("CLEARED", area.WestHalf.Polygon())]));

        var rejected = Assert.IsType<ActivityOutcome.Rejected>(await UploadAsync(feature));

        var violation = Assert.Single(rejected.Violations);
        Assert.Equal(("outcome-kind-mismatch", "properties.proposedOutcomes[0].kind"), (violation.Rule, violation.Field));
    }
}
