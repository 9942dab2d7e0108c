using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace LandRelease.Api.Tests.Infrastructure;

/// <summary>Builds request bodies: a valid hazardous area in north-west Cambodia unless told otherwise.</summary>
public static class Features
{
    /// <summary>A point in Battambang province, well inside Cambodia.</summary>
    public const double Lon = 102.95;
    public const double Lat = 13.55;

    public static JsonObject HazardArea(string localId, JsonNode? geometry = null, string country = "KHM",
        string organisation = "CMAC", string classification = "CHA", string dateOfInformation = "2024-05-01") => new()
    {
        ["type"] = "Feature",
        ["geometry"] = geometry ?? Square(Lon, Lat, 0.002),
        ["properties"] = new JsonObject
        {
            ["countryCode"] = country,
            ["localId"] = localId,
            ["name"] = $"Rice field {localId}",
            ["classification"] = classification,
            ["contamination"] = new JsonArray("AP_MINE", "AV_MINE"),
            ["status"] = "OPEN",
            ["evidence"] = new JsonArray(
                new JsonObject { ["kind"] = "DIRECT", ["description"] = "PMN-2 found by a farmer" },
                new JsonObject { ["kind"] = "INDIRECT", ["description"] = "Village chief interview" }),
            ["dateOfInformation"] = dateOfInformation,
            ["organisation"] = organisation,
        },
    };

    /// <summary>A counter-clockwise lon/lat square with its south-west corner at (lon, lat).</summary>
    public static JsonObject Square(double lon, double lat, double size) =>
        Polygon((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat));

    public static JsonObject Polygon(params (double Lon, double Lat)[] ring) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(Ring(ring)),
    };

    public static JsonArray Ring(params (double Lon, double Lat)[] ring) =>
        [.. ring.Select(p => (JsonNode)new JsonArray(p.Lon, p.Lat))];

    public static JsonObject Properties(this JsonObject feature) => feature["properties"]!.AsObject();

    public static async Task CreateOrganisationAsync(this HttpClient client, string code, params string[] countries)
    {
        var response = await client.PostAsJsonAsync("/api/organisations", new
        {
            code,
            name = $"{code} demining",
            kind = "OPERATOR",
            countries,
        });
        response.EnsureSuccessStatusCode();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
