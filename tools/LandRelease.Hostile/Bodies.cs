using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LandRelease.Hostile;

/// <summary>
/// Valid request bodies near Battambang, and one way to spoil any field of them: the field is replaced by a raw JSON
/// token, so a case can send what no serializer writes (1e309, a lone surrogate escape, a NUL escape).
/// </summary>
public static class Bodies
{
    public const double Lon = 102.95;
    public const double Lat = 13.55;
    private const string Marker = "__HOSTILE_VALUE__";

    public static JsonObject Square(double lon, double lat, double size) => new()
    {
        ["type"] = "Polygon",
        ["coordinates"] = new JsonArray(new JsonArray(
            new JsonArray(lon, lat), new JsonArray(lon + size, lat), new JsonArray(lon + size, lat + size),
            new JsonArray(lon, lat + size), new JsonArray(lon, lat))),
    };

    public static JsonObject HazardArea(HostileTargets t) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = Square(Lon, Lat, 0.002),
        ["properties"] = new JsonObject
        {
            ["countryCode"] = t.Country, ["localId"] = $"HOSTILE-{Guid.NewGuid():N}", ["name"] = "Hostile input check",
            ["classification"] = "SHA", ["contamination"] = new JsonArray("AP_MINE"), ["status"] = "OPEN",
            ["evidence"] = new JsonArray(new JsonObject { ["kind"] = "INDIRECT", ["description"] = "Interview" }),
            ["dateOfInformation"] = "2024-05-01", ["organisation"] = t.Organisation, ["changeReason"] = "Hostile input check",
        },
    };

    public static JsonObject Decision(HostileTargets t) => new()
    {
        ["hazardAreaId"] = t.AreaId.ToString(), ["kind"] = "CLEARED", ["geometry"] = Square(Lon, Lat, 0.001),
        ["organisation"] = t.Organisation, ["dateOfInformation"] = "2024-03-01", ["notes"] = "Completion report",
        ["enteredArea"] = new JsonObject { ["value"] = 1.5, ["unit"] = "HA" },
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["kind"] = "COMPLETION_REPORT", ["fileName"] = "report.pdf", ["sha256"] = new string('a', 64), ["signedBy"] = "Team leader",
        }),
    };

    public static JsonObject Activity(HostileTargets t) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = null,
        ["properties"] = new JsonObject
        {
            ["localId"] = $"HOSTILE-ACT-{Guid.NewGuid():N}", ["type"] = "NTS", ["organisation"] = t.Organisation,
            ["method"] = "Interviews", ["startDate"] = "2024-03-01", ["endDate"] = "2024-03-02", ["status"] = "COMPLETED",
            ["referencePoint"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(Lon - 0.001, Lat - 0.001) },
            ["devices"] = new JsonArray(new JsonObject { ["type"] = "AP_MINE", ["found"] = 1, ["destroyed"] = 1 }),
            ["proposedOutcomes"] = new JsonArray(), ["notes"] = "Hostile input check", ["changeReason"] = "Hostile input check",
        },
    };

    public static JsonObject Organisation(HostileTargets t) => new()
    {
        ["code"] = $"H{Guid.NewGuid():N}"[..12].ToUpperInvariant(), ["name"] = "Hostile input check", ["kind"] = "OPERATOR",
        ["countries"] = new JsonArray(t.Country),
    };

    public static JsonObject Workflow() => new() { ["reason"] = "Hostile input check", ["effectiveDate"] = "2024-06-01" };

    public static JsonObject Traverse() => new()
    {
        ["referencePoint"] = new JsonObject { ["x"] = 103.86, ["y"] = 13.36, ["crs"] = "EPSG:4326" },
        ["bearingReference"] = "TRUE", ["angleUnit"] = "DEGREES",
        ["legs"] = new JsonArray(
            Leg(10, 20), Leg(90, 50), Leg(180, 50), Leg(270, 50), Leg(0, 50)),
    };

    private static JsonObject Leg(double bearing, double distance) => new() { ["bearing"] = bearing, ["distance"] = distance };

    /// <summary>The body as JSON with the field at <paramref name="path"/> (dots and [i]) replaced by the raw token.</summary>
    public static string Spoil(JsonObject body, string path, string rawToken)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = body;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            node = Step(node, steps[i])!;
        }

        var last = steps[^1];
        if (last.StartsWith('['))
        {
            node.AsArray()[Index(last)] = Marker;
        }
        else
        {
            node.AsObject()[last] = Marker;
        }

        return body.ToJsonString().Replace($"\"{Marker}\"", rawToken, StringComparison.Ordinal);
    }

    private static JsonNode? Step(JsonNode node, string step) => step.StartsWith('[') ? node.AsArray()[Index(step)] : node.AsObject()[step];

    private static int Index(string step) => int.Parse(step.AsSpan(1, step.Length - 2), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A JSON string token holding the text as given, escaped only where JSON requires it.</summary>
    public static string JsonString(string text) => JsonValue.Create(text).ToJsonString();

    public static HttpRequestMessage Json(HttpMethod method, string url, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    public static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
}
