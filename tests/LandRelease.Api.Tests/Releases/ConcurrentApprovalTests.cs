using System.Net;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;
using static LandRelease.Api.Tests.Releases.ReleaseApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>
/// Two officers approve overlapping decisions of one area at the same moment: the counting must see both, so the
/// released area is the union, the credits add up, and the overlap is flagged exactly once.
/// </summary>
public sealed class ConcurrentApprovalTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const int Rounds = 15;

    private readonly HttpClient _admin = api.CreateClient();
    private readonly HttpClient _officerOne = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-1");
    private readonly HttpClient _officerTwo = api.ClientAs([Roles.NationalAuthority], ["KHM"], "CMAA", "officer-2");

    public async ValueTask InitializeAsync() => await _admin.EnsureOrganisationAsync("CMAC", "KHM");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task RacingApprovalsOfOverlappingDecisionsAlwaysCountTheUnionOnceAndFlagTheOverlapOnce()
    {
        var failures = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var (lon, lat) = NewSpot();
            var (areaId, _) = await _admin.NewAreaAsync(new Box(lon, lat, lon + 0.004, lat + 0.004));
            // Full-height strips: cut only along meridians, so planar overlay and geodesic edges agree to well
            // under 0.01 m² (cuts along parallels are CountOnceTests' business).
            var a = new Box(lon, lat, lon + 0.0025, lat + 0.004);
            var b = new Box(lon + 0.0015, lat, lon + 0.0035, lat + 0.004);
            var overlap = new Box(lon + 0.0015, lat, lon + 0.0025, lat + 0.004);
            var union = a.Sqm + b.Sqm - overlap.Sqm;
            var (idA, _) = await _admin.DraftAsync(Decision(areaId, "CANCELLED", a.Polygon(), "2024-04-01"));
            var (idB, _) = await _admin.DraftAsync(Decision(areaId, "CLEARED", b.Polygon(), "2024-04-01"));
            await _admin.MovedAsync(idA, "submit");
            await _admin.MovedAsync(idB, "submit");

            var responses = await Task.WhenAll(_officerOne.MoveAsync(idA, "approve"), _officerTwo.MoveAsync(idB, "approve"));

            foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            {
                failures.Add($"round {round}: approve answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }

            var states = new[] { (await _admin.DecisionPropsAsync(idA)).Text("state"), (await _admin.DecisionPropsAsync(idB)).Text("state") };
            if (states.Any(s => s != "APPROVED"))
            {
                failures.Add($"round {round}: states {string.Join(", ", states)}");
            }

            var released = (await _admin.AreaPropsAsync(areaId)).Number("releasedAreaSqm");
            if (Math.Abs(released - union) > Math.Max(1, union * 0.0005))
            {
                failures.Add($"round {round}: released {released:0.##} m², union {union:0.##} m²");
            }

            var credited = await api.ScalarAsync<double>(
                "SELECT sum(credited_area_sqm) FROM release_decisions WHERE hazard_area_id = $1", areaId);
            var releasedInDb = await api.ScalarAsync<double>("SELECT released_area_sqm FROM hazard_areas WHERE id = $1", areaId);
            if (Math.Abs(credited - releasedInDb) > 0.01)
            {
                failures.Add($"round {round}: credited {credited:0.###} m² but released {releasedInDb:0.###} m²");
            }

            var incidents = await _admin.IncidentsAsync(areaId);
            if (incidents.Length != 1)
            {
                failures.Add($"round {round}: {incidents.Length} incidents");
            }
            else if (Math.Abs(incidents[0].Number("overlapSqm") - overlap.Sqm) > Math.Max(1, overlap.Sqm * 0.0005))
            {
                failures.Add($"round {round}: overlap {incidents[0].Number("overlapSqm"):0.##} m², expected {overlap.Sqm:0.##} m²");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
