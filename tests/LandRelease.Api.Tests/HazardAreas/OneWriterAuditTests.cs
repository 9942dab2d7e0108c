using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Uploads.UploadApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>
/// A hazardous area has one writer: the same area created and then revised by POST/PUT in one database, and by two
/// uploads in another, leaves audit rows whose "before" and "after" are the same JSON, key for key and value for value.
/// </summary>
public sealed class OneWriterAuditTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Snapshots = """
        SELECT string_agg(action || ' ' || COALESCE(before::text, '-') || ' ' || after::text, E'\n' ORDER BY id)
        FROM audit_log WHERE entity_type = 'HAZARD_AREA' AND entity_id = $1
        """;

    [Fact]
    public async Task AnAreaWrittenByTheApiAndByUploadsLeavesTheSameAuditSnapshots()
    {
        var localId = NewLocalId("ONE");
        var created = Features.HazardArea(localId, Features.Square(Features.Lon, Features.Lat, 0.002), dateOfInformation: "2024-03-01");
        var revised = Features.HazardArea(localId, Features.Polygon((Features.Lon, Features.Lat), (Features.Lon + 0.003, Features.Lat),
            (Features.Lon + 0.003, Features.Lat + 0.002), (Features.Lon, Features.Lat + 0.002), (Features.Lon, Features.Lat)),
            classification: "SHA", dateOfInformation: "2024-06-01");
        revised.Properties()["name"] = "Re-surveyed rice field";
        revised.Properties()["status"] = "WORKED_ON";
        revised.Properties()["changeReason"] = "Re-survey by the field team";

        var client = api.CreateClient();
        await client.EnsureOrganisationAsync("CMAC", "KHM");
        var (id, _) = await client.CreateAreaAsync(created);
        using (var put = await client.PutFeatureAsync(id, revised, "\"1\""))
        {
            await put.AssertJsonAsync(HttpStatusCode.OK);
        }

        await using var uploads = new ApiFactory();
        await uploads.InitializeAsync();
        var uploader = uploads.CreateClient();
        await uploader.EnsureOrganisationAsync("CMAC", "KHM");
        var first = await uploader.AcceptedAndFinishedAsync(await uploader.UploadRawAsync(FeatureCollection(Uploaded(created)), KhmCmac));
        var second = await uploader.AcceptedAndFinishedAsync(await uploader.UploadRawAsync(FeatureCollection(Uploaded(revised)), KhmCmac));
        Assert.Equal(("CREATED", "UPDATED"), (first.Line(0).GetProperty("action").GetString(), second.Line(0).GetProperty("action").GetString()));

        var byApi = await api.ScalarAsync<string>(Snapshots, id);
        var byUpload = await uploads.ScalarAsync<string>(Snapshots, first.Line(0).RecordId());
        Assert.Equal(2, byApi.Split('\n').Length);
        Assert.StartsWith("CREATE - {", byApi, StringComparison.Ordinal);
        Assert.Contains("\"geometrySha256\"", byApi, StringComparison.Ordinal);
        Assert.Equal(byApi, byUpload);
    }

    /// <summary>The feature as a file carries it: the upload names the country once, for every feature.</summary>
    private static JsonObject Uploaded(JsonObject feature)
    {
        var copy = feature.DeepClone().AsObject();
        copy.Properties().Remove("countryCode");
        return copy;
    }
}
