using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LandRelease.Api.Tests.HazardAreas;
using LandRelease.Api.Tests.Infrastructure;

namespace LandRelease.Api.Tests.Certificates;

/// <summary>Setup through the API for the certificate tests, and a reader for the certificate's turning-point rows.</summary>
public static partial class CertificateApi
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A CMAC hazardous area around Siem Reap, big enough to hold the decisions drawn in it.</summary>
    public static async Task<Guid> CreateAreaAsync(this HttpClient client, string name = "Rice field north of the pagoda")
    {
        var feature = Features.HazardArea(HazardAreaApi.NewLocalId("KHM-SRP"), Features.Square(103.855, 13.355, 0.012));
        feature.Properties()["name"] = name;
        var (id, _) = await client.CreateAreaAsync(feature);
        return id;
    }

    public static async Task<Guid> DraftAsync(this HttpClient client, Guid areaId, JsonNode geometry, string? notes = null,
        JsonObject? enteredArea = null, JsonArray? attachments = null)
    {
        var response = await client.PostAsJsonAsync("/api/release-decisions", new JsonObject
        {
            ["hazardAreaId"] = areaId,
            ["kind"] = "CLEARED",
            ["geometry"] = geometry,
            ["organisation"] = "CMAC",
            ["dateOfInformation"] = "2025-03-14",
            ["notes"] = notes,
            ["enteredArea"] = enteredArea,
            ["attachments"] = attachments,
        }, Ct);
        var body = await response.AssertJsonAsync(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Moves a decision on (submit, approve, certify, ...) and asserts it moved.</summary>
    public static async Task MoveAsync(this HttpClient client, Guid id, params string[] actions)
    {
        foreach (var action in actions)
        {
            var body = action == "revoke" ? new JsonObject { ["reason"] = "Device found during post-clearance inspection" } : [];
            var response = await client.PostAsJsonAsync($"/api/release-decisions/{id}/{action}", body, Ct);
            await response.AssertJsonAsync(HttpStatusCode.OK);
        }
    }

    public static async Task<Guid> ApprovedAsync(this HttpClient client, Guid areaId, JsonNode geometry, string? notes = null,
        JsonObject? enteredArea = null, JsonArray? attachments = null)
    {
        var id = await client.DraftAsync(areaId, geometry, notes, enteredArea, attachments);
        await client.MoveAsync(id, "submit", "approve");
        return id;
    }

    public static Task<HttpResponseMessage> GetCertificateAsync(this HttpClient client, Guid id) =>
        client.GetAsync($"/api/release-decisions/{id}/certificate", Ct);

    public static async Task<string> AssertCertificateAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return html;
    }

    /// <summary>The exterior ring of each polygon of the stored decision, as the API returns it.</summary>
    public static async Task<double[][][]> ExteriorRingsAsync(this HttpClient client, Guid id)
    {
        var feature = await client.GetJsonAsync($"/api/release-decisions/{id}");
        return [.. feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray()
            .Select(polygon => polygon[0].EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray())];
    }

    public sealed record Row(string Lat, string Lon, string Zone, double Easting, double Northing);

    /// <summary>The turning-point table row of the given label (TP1, P2-TP3), or a failure listing the labels present.</summary>
    public static Row TurningPoint(string html, string label)
    {
        var rows = TurningPointRow().Matches(html).ToDictionary(m => m.Groups["label"].Value);
        Assert.True(rows.TryGetValue(label, out var row), $"No row {label}; rows: {string.Join(", ", rows.Keys)}");
        return new Row(row.Groups["lat"].Value, row.Groups["lon"].Value, row.Groups["zone"].Value,
            double.Parse(row.Groups["e"].Value, CultureInfo.InvariantCulture), double.Parse(row.Groups["n"].Value, CultureInfo.InvariantCulture));
    }

    public static string[] TurningPointLabels(string html) =>
        [.. TurningPointRow().Matches(html).Select(m => m.Groups["label"].Value)];

    public static string Degrees(double value) => value.ToString("F6", CultureInfo.InvariantCulture);

    /// <summary>The number before a unit in the facts row of that label, e.g. "71,907 m²" in "Area released".</summary>
    public static double Figure(string html, string rowLabel, string unit)
    {
        var row = Regex.Match(html, $"<th>{Regex.Escape(rowLabel)}</th><td>(.*?)</td>");
        Assert.True(row.Success, $"No '{rowLabel}' row in the certificate.");
        var text = System.Net.WebUtility.HtmlDecode(row.Groups[1].Value);
        var figure = Regex.Match(text, $@"([\d,]+(?:\.\d+)?) {Regex.Escape(unit)}(?!\w)");
        Assert.True(figure.Success, $"No figure in {unit} in '{text}'.");
        return double.Parse(figure.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""<tr><td>(?<label>[A-Z0-9.-]+)</td><td class="num">(?<lat>-?[\d.]+)</td><td class="num">(?<lon>-?[\d.]+)</td><td class="num">(?<zone>\d+[NS])</td><td class="num">(?<e>[\d.]+)</td><td class="num">(?<n>[\d.]+)</td></tr>""")]
    private static partial Regex TurningPointRow();

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
