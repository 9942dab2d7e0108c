using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Access;
using LandRelease.Api.Tests.Activities;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;

namespace LandRelease.Api.Tests.Access;

/// <summary>Who a test acts as: the claims of a development token. No roles means no token at all.</summary>
public sealed record Identity(string[] Roles, string[] Countries, string? Organisation);

/// <summary>
/// One database with two registers side by side: a Cambodian area recorded by CMAC and a Lao area
/// recorded by LAO-OPS, and a client per identity. Seeding is idempotent, so no test depends on order.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string KhmLocalId = "ACCESS-KHM-1";
    public const string LaoLocalId = "ACCESS-LAO-1";
    public const string KhmActivityLocalId = "ACCESS-KHM-ACT-1";

    /// <summary>A box holding both areas: north-west Cambodia to Xieng Khouang.</summary>
    public const string BothAreasBbox = "102.9,13.5,103.3,19.5";

    public static readonly IReadOnlyDictionary<string, Identity> Identities = new Dictionary<string, Identity>
    {
        ["anonymous"] = new([], [], null),
        ["fo-khm-cmac"] = new([Roles.FieldOperator], ["KHM"], "CMAC"),
        ["fo-khm-halo"] = new([Roles.FieldOperator], ["KHM"], "HALO-KHM"),
        ["fo-lao"] = new([Roles.FieldOperator], ["LAO"], "LAO-OPS"),
        ["na-khm"] = new([Roles.NationalAuthority], ["KHM"], "CMAA"),
        // The org claim of a national authority need not name a registered organisation.
        ["na-lao"] = new([Roles.NationalAuthority], ["LAO"], "NRA-LAO"),
        ["regional-viewer"] = new([Roles.RegionalViewer], ApiFactory.AllCountries, "ARMAC"),
        ["admin"] = new([Roles.Admin], [], null),
    };

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new();
    private HttpClient? _default;

    public ApiFactory Api { get; } = new();
    public Guid KhmArea { get; private set; }
    public Guid LaoArea { get; private set; }

    /// <summary>A completed CMAC clearance of the Cambodian area, proposing to clear part of it.</summary>
    public Guid KhmActivity { get; private set; }

    /// <summary>ApiFactory's own client: administrator and national authority of every country.</summary>
    private HttpClient Default => _default ??= Api.CreateClient();

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        var admin = Default;
        await admin.EnsureOrganisationAsync("CMAC", "KHM");
        await admin.EnsureOrganisationAsync("HALO-KHM", "KHM");
        await admin.EnsureOrganisationAsync("LAO-OPS", "LAO");
        KhmArea = await EnsureAreaAsync(admin, Features.HazardArea(KhmLocalId));
        // Near Phonsavan, well inside Laos.
        LaoArea = await EnsureAreaAsync(admin,
            Features.HazardArea(LaoLocalId, Features.Square(103.17, 19.45, 0.002), country: "LAO", organisation: "LAO-OPS"));
        KhmActivity = await Api.ScalarAsync<Guid?>("SELECT id FROM activities WHERE country_code = 'KHM' AND local_id = $1", KhmActivityLocalId)
            ?? (await admin.CreateActivityAsync(KhmArea, KhmActivityFeature())).Id;
    }

    /// <summary>The Cambodian activity as CMAC states it; a revision sends it again with a reason.</summary>
    public JsonObject KhmActivityFeature()
    {
        var area = new TestArea(KhmArea, new Box(Features.Lon, Features.Lat, Features.Lon + 0.002, Features.Lat + 0.002));
        return ActivityApi.Clearance(area, KhmActivityLocalId);
    }

    /// <summary>Revises the Cambodian activity as <paramref name="client"/>, sending the ETag that is current right now.</summary>
    public async Task<HttpResponseMessage> ReviseKhmActivityAsync(HttpClient client)
    {
        using var current = await Default.GetAsync($"/api/activities/{KhmActivity}", TestContext.Current.CancellationToken);
        current.EnsureSuccessStatusCode();
        var revision = KhmActivityFeature();
        revision.Properties()["notes"] = $"Re-checked {Guid.NewGuid():N}";
        revision.Properties()["changeReason"] = "Completion report re-checked";
        return await client.PutActivityAsync(KhmActivity, revision, current.Headers.ETag!.Tag);
    }

    /// <summary>A new CMAC activity on the Cambodian area, without a local id so it never collides.</summary>
    public Task<HttpResponseMessage> CreateKhmActivityAsync(HttpClient client)
    {
        var feature = KhmActivityFeature();
        feature.Properties()["localId"] = null;
        return client.PostActivityAsync(KhmArea, feature);
    }

    public HttpClient Client(string identity) => _clients.GetOrAdd(identity, name =>
    {
        var who = Identities[name];
        return Api.ClientAs(who.Roles, who.Countries, who.Organisation, name);
    });

    /// <summary>Revises the Cambodian area as <paramref name="client"/>, sending the ETag that is current right now.</summary>
    public async Task<HttpResponseMessage> ReviseKhmAsync(HttpClient client)
    {
        using var current = await Default.GetAsync($"/api/hazard-areas/{KhmArea}", TestContext.Current.CancellationToken);
        current.EnsureSuccessStatusCode();
        var revision = Features.HazardArea(KhmLocalId);
        revision.Properties()["name"] = $"Rice field, re-walked {Guid.NewGuid():N}"[..32];
        revision.Properties()["changeReason"] = "Boundary re-walked";
        return await client.PutFeatureAsync(KhmArea, revision, current.Headers.ETag!.Tag);
    }

    /// <summary>A new Cambodian area in CMAC's name, with a local id never used before.</summary>
    public static Task<HttpResponseMessage> CreateKhmAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/hazard-areas", Features.HazardArea(HazardAreaApi.NewLocalId("ACC")),
            TestContext.Current.CancellationToken);

    private async Task<Guid> EnsureAreaAsync(HttpClient admin, JsonObject feature)
    {
        var properties = feature.Properties();
        var existing = await Api.ScalarAsync<Guid?>("SELECT id FROM hazard_areas WHERE country_code = $1 AND local_id = $2",
            properties["countryCode"]!.GetValue<string>(), properties["localId"]!.GetValue<string>());
        return existing ?? (await admin.CreateAreaAsync(feature)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Append(Default))
        {
            client.Dispose();
        }

        await Api.DisposeAsync();
    }
}
