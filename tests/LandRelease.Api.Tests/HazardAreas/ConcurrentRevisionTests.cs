using System.Net;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.HazardAreas;

/// <summary>Two editors revise the same version at once: one wins, the other is told to re-read; nothing is lost or doubled.</summary>
public sealed class ConcurrentRevisionTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async ValueTask InitializeAsync() => await _client.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonObject Edit(string localId, string name)
    {
        var feature = Features.HazardArea(localId);
        feature.Properties()["name"] = name;
        feature.Properties()["changeReason"] = $"Edit by {name}";
        return feature;
    }

    [Fact]
    public async Task OfTwoConcurrentRevisionsOfTheSameVersionExactlyOneWins()
    {
        for (var round = 0; round < 10; round++)
        {
            var localId = NewLocalId($"RACE{round}");
            var (id, _) = await _client.CreateAreaAsync(Features.HazardArea(localId));

            var responses = await Task.WhenAll(
                _client.PutFeatureAsync(id, Edit(localId, "Alice"), "\"1\""),
                _client.PutFeatureAsync(id, Edit(localId, "Bola"), "\"1\""));

            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
            Assert.True(statuses.SequenceEqual([200, 412]),
                $"Round {round}: got {string.Join(", ", statuses)}:\n{string.Join("\n", bodies)}");
            foreach (var loser in responses.Where(r => r.StatusCode == HttpStatusCode.PreconditionFailed))
            {
                await loser.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
            }

            var winner = responses[0].StatusCode == HttpStatusCode.OK ? "Alice" : "Bola";
            Assert.Equal(2L, await api.VersionRowsAsync(id));
            Assert.Equal(2, await api.ScalarAsync<int>("SELECT version FROM hazard_areas WHERE id = $1", id));
            Assert.Equal(winner, await api.ScalarAsync<string>("SELECT name FROM hazard_areas WHERE id = $1", id));
            Assert.Equal(winner, await api.ScalarAsync<string>(
                "SELECT name FROM hazard_area_versions WHERE hazard_area_id = $1 AND version = 2", id));
        }
    }

    [Fact]
    public async Task OfTwoConcurrentRegistrationsOfTheSameLocalIdOneIsAConflict()
    {
        for (var round = 0; round < 5; round++)
        {
            var localId = NewLocalId($"TWIN{round}");
            var responses = await Task.WhenAll(
                _client.PostFeatureAsync(Features.HazardArea(localId)),
                _client.PostFeatureAsync(Features.HazardArea(localId)));

            var statuses = responses.Select(r => (int)r.StatusCode).Order().ToArray();
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync(Ct)));
            Assert.True(statuses.SequenceEqual([201, 409]), $"Round {round}: got {string.Join(", ", statuses)}:\n{string.Join("\n", bodies)}");
            Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas WHERE local_id = $1", localId));
            Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM hazard_area_versions WHERE local_id = $1", localId));
        }
    }
}
