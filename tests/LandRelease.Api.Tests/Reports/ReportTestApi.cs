using System.Net;
using System.Text.Json;
using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Api.Tests.Releases;
using LandRelease.Data.Reports;
using Microsoft.Extensions.DependencyInjection;
using static LandRelease.Api.Tests.HazardAreas.HazardAreaApi;

namespace LandRelease.Api.Tests.Reports;

/// <summary>
/// Helpers for the report tests. Country figures sum a whole country, so a test that checks them owns its country:
/// each test of a class takes a different one, and builds its areas around a point well inside it.
/// </summary>
public static class ReportTestApi
{
    /// <summary>A point with at least 0.03° of the country around it to the north-east.</summary>
    public static readonly IReadOnlyDictionary<string, (double Lon, double Lat)> Inland = new Dictionary<string, (double, double)>
    {
        ["KHM"] = (103.4, 13.4), ["LAO"] = (103.17, 19.45), ["THA"] = (100.5, 15.0), ["VNM"] = (105.8, 21.0),
        ["MMR"] = (96.0, 19.7), ["IDN"] = (110.4, -7.5), ["PHL"] = (121.0, 15.5), ["MYS"] = (102.0, 4.0),
        ["BRN"] = (114.6, 4.5), ["SGP"] = (103.82, 1.35),
    };

    /// <summary>The rectangle [west, east] x [south, north] in hundredths of a degree from the country's inland point.</summary>
    public static Box Cells(string country, double west, double south, double east, double north)
    {
        var (lon, lat) = Inland[country];
        return new Box(lon + west / 100, lat + south / 100, lon + east / 100, lat + north / 100);
    }

    /// <summary>An organisation working in every country, so a test may record anywhere.</summary>
    public static Task EnsureOperatorAsync(this HttpClient client) => client.EnsureOrganisationAsync("REPORT-OPS", ApiFactory.AllCountries);

    public static async Task<Guid> NewAreaAsync(this HttpClient client, string country, Box box, string classification = "CHA",
        string dateOfInformation = "2023-01-01", string[]? contamination = null)
    {
        var feature = Features.HazardArea(NewLocalId("RPT"), box.Polygon(), country: country, organisation: "REPORT-OPS",
            classification: classification, dateOfInformation: dateOfInformation);
        if (contamination is not null)
        {
            feature.Properties()["contamination"] = new System.Text.Json.Nodes.JsonArray([.. contamination.Select(c => (System.Text.Json.Nodes.JsonNode)c)]);
        }

        return (await client.CreateAreaAsync(feature)).Id;
    }

    public static Task<Guid> ReleasedAsync(this HttpClient client, Guid areaId, string kind, Box box, string dateOfInformation) =>
        ReleaseApi.ApprovedAsync(client, ReleaseApi.Decision(areaId, kind, box.Polygon(), dateOfInformation, "REPORT-OPS"));

    public static async Task<JsonElement> ReportAsync(this HttpClient client, string country, string query = "")
    {
        using var response = await client.GetAsync($"/api/reports/countries/{country}{(query.Length > 0 ? "?" + query : "")}", Ct);
        return await response.AssertJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>A figure by its dotted path, e.g. "released.clearedSqm" or "remaining.sha.count".</summary>
    public static double Figure(this JsonElement report, string path)
    {
        var node = report;
        foreach (var step in path.Split('.'))
        {
            node = node.GetProperty(step);
        }

        return node.GetDouble();
    }

    public static JsonElement TrendYear(this JsonElement report, int year) =>
        report.GetProperty("trend").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == year);

    /// <summary>Runs the pipeline's refresh for a country directly, as the job would.</summary>
    public static Task<RefreshOutcome> RefreshAsync(this ApiFactory api, string country) =>
        api.Services.GetRequiredService<ReportRefresher>().RefreshAsync(country, DateOnly.FromDateTime(DateTime.UtcNow), wait: true, Ct);

    public static Task<long> DirtyRowsAsync(this ApiFactory api, string country) =>
        api.ScalarAsync<long>("SELECT count(*) FROM report_dirty WHERE country_code = $1", country);

    /// <summary>m² agree within 0.05% or 1 m², as the release-decision tests have it.</summary>
    public static void AssertSqm(double expected, JsonElement report, string path) =>
        ReleaseApi.AssertSqm(expected, report.Figure(path), path);
}
