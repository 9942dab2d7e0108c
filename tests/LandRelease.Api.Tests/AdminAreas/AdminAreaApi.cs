using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Releases;
using LandRelease.Api.Tests.Uploads;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.AdminAreas;

/// <summary>Administrative areas as a national authority uploads them (kind admin-areas).</summary>
public static class AdminAreaApi
{
    public static string Query(string country) => $"country={country}&organisation=REPORT-OPS&kind=admin-areas";

    public static JsonObject Area(string code, string name, int level, string? parentCode, Box box) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = box.Polygon(),
        ["properties"] = new JsonObject { ["code"] = code, ["name"] = name, ["level"] = level, ["parentCode"] = parentCode },
    };

    public static byte[] File(params JsonObject[] areas) => UploadApi.FeatureCollection(areas);
}
