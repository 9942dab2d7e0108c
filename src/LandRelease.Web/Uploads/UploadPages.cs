using System.Globalization;
using System.Text.Json;
using LandRelease.Domain.Common;
using LandRelease.Domain.Uploads;

namespace LandRelease.Web.Uploads;

/// <summary>What the upload pages show, worded for a team leader: kinds, states, outcomes and where a problem lies.</summary>
public static class UploadPages
{
    public const string FormScript = WebAssets.Root + "/dist/upload-form.js";
    public const string MapScript = WebAssets.Root + "/dist/upload-map.js";
    public const string SendPath = "/uploads/send";

    public static string Kind(UploadKind kind) => kind == UploadKind.HazardAreas ? "Hazardous areas" : "Activities";

    public static string State(UploadState state) => state switch
    {
        UploadState.Receiving => "Being received",
        UploadState.Queued => "Waiting to be merged",
        UploadState.Processing => "Being merged",
        UploadState.Done => "Done",
        _ => "Failed",
    };

    public static bool IsFinished(UploadState state) => state is UploadState.Done or UploadState.Failed;

    public static string Outcome(FeatureOutcome outcome, FeatureAction? action) => (outcome, action) switch
    {
        (FeatureOutcome.Accepted, FeatureAction.Created) => "Created",
        (FeatureOutcome.Accepted, FeatureAction.Updated) => "Updated",
        (FeatureOutcome.Accepted, FeatureAction.Unchanged) => "Unchanged",
        (FeatureOutcome.Accepted, _) => "Accepted",
        (FeatureOutcome.Rejected, _) => "Refused",
        _ => "Not stored",
    };

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Each rule broken, then each warning, of one feature: rule, message and where, if the check located it.</summary>
    public static IReadOnlyList<Note> Notes(string? violations, string? warnings) => [.. Read(violations, true), .. Read(warnings, false)];

    private static IEnumerable<Note> Read(string? json, bool refusal)
    {
        if (json is null)
        {
            yield break;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var item in document.RootElement.EnumerateArray())
        {
            string? at = null;
            if (item.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Array)
            {
                at = string.Create(CultureInfo.InvariantCulture, $"{location[0].GetDouble():0.######}, {location[1].GetDouble():0.######}");
            }

            yield return new Note(refusal, item.GetProperty("rule").GetString() ?? "", item.GetProperty("message").GetString() ?? "", at);
        }
    }

    /// <param name="Location">"longitude, latitude", rounded to 6 decimals (about 10 cm).</param>
    public sealed record Note(bool Refusal, string Rule, string Message, string? Location);

    /// <summary>The coordinate systems offered first for a country: those its surveyors use, then WGS 84 worldwide.</summary>
    public static IReadOnlyList<(string Code, string Name)> UsualSystems(string? country) => country switch
    {
        "KHM" => [("EPSG:32648", "WGS 84 / UTM zone 48N"), ("EPSG:3148", "Indian 1960 / UTM zone 48N"), ("EPSG:32647", "WGS 84 / UTM zone 47N")],
        "LAO" => [("EPSG:32648", "WGS 84 / UTM zone 48N"), ("EPSG:32647", "WGS 84 / UTM zone 47N"), ("EPSG:4678", "Lao 1997")],
        "VNM" => [("EPSG:3405", "VN-2000 / UTM zone 48N"), ("EPSG:3406", "VN-2000 / UTM zone 49N"), ("EPSG:32648", "WGS 84 / UTM zone 48N")],
        "THA" => [("EPSG:24047", "Indian 1975 / UTM zone 47N"), ("EPSG:24048", "Indian 1975 / UTM zone 48N"), ("EPSG:32647", "WGS 84 / UTM zone 47N")],
        "MMR" => [("EPSG:32646", "WGS 84 / UTM zone 46N"), ("EPSG:32647", "WGS 84 / UTM zone 47N")],
        _ => [],
    };
}
