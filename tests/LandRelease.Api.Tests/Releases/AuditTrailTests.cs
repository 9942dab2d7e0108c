using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using Npgsql;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>DOMAIN.md rule 6 "Nothing is lost": every change keeps who, when, what and why, in a table that only grows.</summary>
public sealed class AuditTrailTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _admin = api.CreateClient();
    private readonly HttpClient _surveyor = api.ClientAs([Roles.FieldOperator], ["KHM"], "CMAC", "surveyor-5");
    private readonly HttpClient _officer = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-8");

    public async ValueTask InitializeAsync() => await _admin.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Created and edited by the surveyor, submitted by the surveyor, approved by the officer.</summary>
    private async Task<Guid> DecisionThroughItsLifeAsync()
    {
        var (lon, lat) = NewSpot();
        var (areaId, _) = await _admin.NewAreaAsync(new Box(lon, lat, lon + 0.002, lat + 0.002));
        var (id, _) = await _surveyor.DraftAsync(Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.001).Polygon()));
        var edit = await _surveyor.PutAsJsonAsync($"/api/release-decisions/{id}",
            Decision(areaId, "CLEARED", new Box(lon, lat, lon + 0.001, lat + 0.002).Polygon()), Ct);
        await edit.AssertJsonAsync(HttpStatusCode.OK);
        await _surveyor.MovedAsync(id, "submit");
        await _officer.MovedAsync(id, "approve", "Completion report checked");
        return id;
    }

    private async Task<JsonElement[]> AuditOfAsync(Guid id) =>
        [.. (await _admin.GetJsonAsync($"/api/audit?entityType=RELEASE_DECISION&entityId={id}")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task CreatingEditingSubmittingAndApprovingEachLeaveAnAuditRowWithWhoAndWhat()
    {
        var id = await DecisionThroughItsLifeAsync();

        var rows = await AuditOfAsync(id);

        Assert.Equal(["CREATE", "EDIT", "SUBMIT", "APPROVE"], rows.Select(r => r.Text("action")).ToArray());
        Assert.Equal(["surveyor-5", "surveyor-5", "surveyor-5", "officer-8"], rows.Select(r => r.Text("actor")).ToArray());
        Assert.Equal(["CMAC", "CMAC", "CMAC", "CMAA"], rows.Select(r => r.Text("actorOrganisation")).ToArray());
        Assert.All(rows, r => Assert.Equal("KHM", r.Text("countryCode")));
        Assert.All(rows, r => Assert.Equal(id, r.GetProperty("entityId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("before").ValueKind);
        Assert.Equal([null, "DRAFT", "DRAFT", "SUBMITTED"],
            rows.Select(r => r.GetProperty("before").ValueKind == JsonValueKind.Null ? null : r.GetProperty("before").Text("state")).ToArray());
        Assert.Equal(["DRAFT", "DRAFT", "SUBMITTED", "APPROVED"], rows.Select(r => r.GetProperty("after").Text("state")).ToArray());
        Assert.NotEqual(rows[1].GetProperty("before").Text("geometrySha256"), rows[1].GetProperty("after").Text("geometrySha256"));
        Assert.Equal("Completion report checked", rows[3].Text("reason"));
    }

    [Fact]
    public async Task TheAuditTableRefusesUpdateDeleteAndTruncateEvenFromItsOwner()
    {
        await DecisionThroughItsLifeAsync();
        const string snapshotSql = "SELECT count(*) || ':' || md5(string_agg(id || actor || action || coalesce(after::text, ''), ',' ORDER BY id)) FROM audit_log";
        var before = await api.ScalarAsync<string>(snapshotSql);
        Assert.False(before.StartsWith("0:", StringComparison.Ordinal), "there are rows to protect");

        foreach (var sql in new[] { "UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            // The application role lacks the privileges (Access/ApplicationRoleTests); the triggers refuse even the owner.
            await using var connection = new NpgsqlConnection(api.OwnerConnectionString);
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand(sql, connection);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
        }

        Assert.Equal(before, await api.ScalarAsync<string>(snapshotSql));
    }
}
