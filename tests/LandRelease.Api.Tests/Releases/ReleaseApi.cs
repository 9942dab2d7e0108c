using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LandRelease.Api.Tests.Infrastructure;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Releases;

/// <summary>A lon/lat rectangle: west, south, east, north (degrees).</summary>
public readonly record struct Box(double West, double South, double East, double North)
{
    public JsonObject Polygon() =>
        Features.Polygon((West, South), (East, South), (East, North), (West, North), (West, South));

    /// <summary>The rectangle's area on the WGS 84 ellipsoid, worked out here rather than asked of PostGIS.</summary>
    public double Sqm => Ellipsoid.QuadrangleSqm(West, South, East, North);
}

/// <summary>
/// The area of a lon/lat quadrangle on the WGS 84 ellipsoid: A = a²(1−e²)·Δλ·[F(φ2)−F(φ1)],
/// F(φ) = sinφ / (2(1−e²sin²φ)) + ln((1+e·sinφ)/(1−e·sinφ)) / (4e).
/// </summary>
public static class Ellipsoid
{
    private const double A = 6378137.0;
    private const double Flattening = 1 / 298.257223563;
    private static readonly double E2 = Flattening * (2 - Flattening);
    private static readonly double E = Math.Sqrt(E2);

    public static double QuadrangleSqm(double west, double south, double east, double north)
    {
        var dLambda = (east - west) * Math.PI / 180;
        return A * A * (1 - E2) * dLambda * (F(north) - F(south));
    }

    private static double F(double latitudeDegrees)
    {
        var s = Math.Sin(latitudeDegrees * Math.PI / 180);
        return s / (2 * (1 - E2 * s * s)) + Math.Log((1 + E * s) / (1 - E * s)) / (4 * E);
    }
}

/// <summary>Helpers shared by the release-decision tests: areas and decisions through the API, and m² checks.</summary>
public static class ReleaseApi
{
    private static int _nextSlot;

    /// <summary>
    /// A fresh 0.02° cell in north-west Cambodia for each call, so the areas of one test class never touch.
    /// The cell's south-west corner is returned.
    /// </summary>
    public static (double Lon, double Lat) NewSpot()
    {
        var n = Interlocked.Increment(ref _nextSlot);
        return (103.0 + n % 30 * 0.02, 13.0 + n / 30 * 0.02);
    }

    /// <summary>Asserts two m² figures agree within 0.05% or 1 m², whichever is larger.</summary>
    public static void AssertSqm(double expected, double actual, string what)
    {
        var tolerance = Math.Max(1.0, Math.Abs(expected) * 0.0005);
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:0.###} m² (±{tolerance:0.###}), got {actual:0.###} m²");
    }

    /// <summary>Registers a hazardous area over the box (dated 2023-01-01 unless told) and returns its id and m².</summary>
    public static async Task<(Guid Id, double AreaSqm)> NewAreaAsync(this HttpClient client, Box box,
        string dateOfInformation = "2023-01-01")
    {
        var (id, feature) = await client.CreateAreaAsync(
            Features.HazardArea(NewLocalId("REL"), box.Polygon(), dateOfInformation: dateOfInformation));
        return (id, feature.Props().GetProperty("areaSqm").GetDouble());
    }

    public static JsonObject Decision(Guid hazardAreaId, string kind, JsonNode geometry, string dateOfInformation = "2024-03-01",
        string organisation = "CMAC") => new()
    {
        ["hazardAreaId"] = hazardAreaId.ToString(),
        ["kind"] = kind,
        ["geometry"] = geometry,
        ["organisation"] = organisation,
        ["dateOfInformation"] = dateOfInformation,
        ["notes"] = "Completion report checked",
    };

    public static Task<HttpResponseMessage> PostDecisionAsync(this HttpClient client, JsonObject body) =>
        client.PostAsJsonAsync("/api/release-decisions", body, Ct);

    /// <summary>Drafts a decision, asserts 201, and returns its id and Feature.</summary>
    public static async Task<(Guid Id, JsonElement Feature)> DraftAsync(this HttpClient client, JsonObject body)
    {
        var feature = await (await client.PostDecisionAsync(body)).AssertJsonAsync(HttpStatusCode.Created);
        return (Guid.Parse(feature.GetProperty("id").GetString()!), feature);
    }

    /// <summary>POST /api/release-decisions/{id}/{action} with a JSON body carrying the reason and effective date.</summary>
    public static Task<HttpResponseMessage> MoveAsync(this HttpClient client, Guid id, string action, string? reason = null,
        string? effectiveDate = null)
    {
        var body = new JsonObject();
        if (reason is not null)
        {
            body["reason"] = reason;
        }

        if (effectiveDate is not null)
        {
            body["effectiveDate"] = effectiveDate;
        }

        return client.PostAsJsonAsync($"/api/release-decisions/{id}/{action}", body, Ct);
    }

    /// <summary>Moves a decision and asserts 200; returns the decision's Feature.</summary>
    public static async Task<JsonElement> MovedAsync(this HttpClient client, Guid id, string action, string? reason = null,
        string? effectiveDate = null) =>
        await (await client.MoveAsync(id, action, reason, effectiveDate)).AssertJsonAsync(HttpStatusCode.OK);

    /// <summary>Drafts, submits and approves a decision; returns its id.</summary>
    public static async Task<Guid> ApprovedAsync(this HttpClient client, JsonObject body)
    {
        var (id, _) = await client.DraftAsync(body);
        await client.MovedAsync(id, "submit");
        var approved = await client.MovedAsync(id, "approve");
        Assert.Equal("APPROVED", approved.Props().GetProperty("state").GetString());
        return id;
    }

    public static async Task<JsonElement> DecisionPropsAsync(this HttpClient client, Guid id) =>
        (await client.GetJsonAsync($"/api/release-decisions/{id}")).Props();

    public static async Task<JsonElement> AreaPropsAsync(this HttpClient client, Guid id, string? asAt = null) =>
        (await client.GetJsonAsync(asAt is null ? $"/api/hazard-areas/{id}" : $"/api/hazard-areas/{id}?asAt={asAt}")).Props();

    public static async Task<JsonElement[]> IncidentsAsync(this HttpClient client, Guid hazardAreaId) =>
        [.. (await client.GetJsonAsync($"/api/quality-incidents?hazardAreaId={hazardAreaId}")).GetProperty("items").EnumerateArray()];

    public static double Number(this JsonElement props, string name) => props.GetProperty(name).GetDouble();

    public static string? Text(this JsonElement props, string name) => props.GetProperty(name).GetString();

    /// <summary>Unrounded from the database: the credited m² of an area's decisions, summed, and the area's released m².</summary>
    public static async Task AssertCreditsAddUpAsync(this ApiFactory api, Guid hazardAreaId)
    {
        var credited = await api.ScalarAsync<double>(
            "SELECT COALESCE(sum(credited_area_sqm), 0) FROM release_decisions WHERE hazard_area_id = $1", hazardAreaId);
        var released = await api.ScalarAsync<double>("SELECT released_area_sqm FROM hazard_areas WHERE id = $1", hazardAreaId);
        Assert.True(Math.Abs(credited - released) <= 0.01, $"credited {credited} m² but released {released} m²");
    }
}
