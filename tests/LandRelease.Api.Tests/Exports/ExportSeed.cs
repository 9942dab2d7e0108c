using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Ogc;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Exports;

/// <summary>
/// The register an export test class reads: Cambodian areas of CMAC whose attributes are awkward for files (a Khmer
/// name, a name with a comma and quotes, evidence holding ';', a two-part outline, a hole, many decimals) and Lao areas
/// that a Cambodian token must never receive.
/// </summary>
public static class ExportSeed
{
    public const int KhmAreas = 9;
    public const int KhmSha = 3;
    public const int LaoAreas = 2;

    public static async Task EnsureAsync(ApiFactory api, HttpClient admin)
    {
        await admin.EnsureOrganisationAsync("CMAC", "KHM");
        await admin.EnsureOrganisationAsync("MAG", "KHM", "LAO");
        if (await api.ScalarAsync<long>("SELECT count(*) FROM hazard_areas") > 0)
        {
            return;
        }

        var (lon, lat) = OgcApi.NewPatch();
        for (var i = 0; i < KhmAreas; i++)
        {
            var x = lon + 0.001 + (i * 0.004) + (1.0 / 3e3);
            var feature = Features.HazardArea(NewLocalId("EXP"), Features.Square(x, lat + 0.001 + (1.0 / 7e3), 0.002));
            var p = feature.Properties();
            switch (i)
            {
                case 0:
                    p["name"] = "វាលស្រែ ភូមិ ១ (rice field)";
                    break;
                case 1:
                    p["name"] = "Road, \"old\" bridge";
                    p["evidence"] = new JsonArray(new JsonObject { ["kind"] = "DIRECT", ["description"] = "Mine seen; marked by the village" });
                    break;
                case 2:
                    feature["geometry"] = TwoParts(x, lat + 0.001);
                    break;
                case 3:
                    feature["geometry"] = WithHole(x, lat + 0.001);
                    break;
                case < 3 + KhmSha + 1:
                    p["classification"] = "SHA";
                    p["contamination"] = new JsonArray("OTHER_ERW");
                    p["evidence"] = new JsonArray(new JsonObject { ["kind"] = "INDIRECT", ["description"] = "Shelling in 1985" });
                    break;
            }

            await admin.CreateAreaAsync(feature);
        }

        for (var i = 0; i < LaoAreas; i++)
        {
            var feature = Features.HazardArea(NewLocalId("EXP-LAO"), Features.Square(102.1 + (i * 0.004), 19.85, 0.002), "LAO", "MAG");
            await admin.CreateAreaAsync(feature);
        }
    }

    private static JsonObject TwoParts(double lon, double lat) => new()
    {
        ["type"] = "MultiPolygon",
        ["coordinates"] = new JsonArray(
            new JsonArray(Features.Ring((lon, lat), (lon + 0.001, lat), (lon + 0.001, lat + 0.001), (lon, lat + 0.001), (lon, lat))),
            new JsonArray(Features.Ring((lon + 0.0015, lat), (lon + 0.0025, lat), (lon + 0.0025, lat + 0.001), (lon + 0.0015, lat + 0.001), (lon + 0.0015, lat)))),
    };

    private static JsonObject WithHole(double lon, double lat) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(
            Features.Ring((lon, lat), (lon + 0.003, lat), (lon + 0.003, lat + 0.003), (lon, lat + 0.003), (lon, lat)),
            Features.Ring((lon + 0.001, lat + 0.001), (lon + 0.001, lat + 0.002), (lon + 0.002, lat + 0.002), (lon + 0.002, lat + 0.001), (lon + 0.001, lat + 0.001))),
    };
}
