using System.Text.Json;
using System.Text.Json.Serialization;

namespace LandRelease.Data.Reports;

/// <summary>What a snapshot holds: the figures of its period, and, by kind, a map, a trend by year or an area list.</summary>
public sealed class ReportDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public SortedDictionary<string, double> Values { get; init; } = new(StringComparer.Ordinal);
    public ReportMap? Map { get; init; }
    public List<TrendYear>? Trend { get; init; }
    public List<TreatyArea>? Areas { get; init; }
    public List<AdminAreaFigures>? AdminAreas { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportDocument FromJson(string json) => JsonSerializer.Deserialize<ReportDocument>(json, Json)
        ?? throw new InvalidOperationException("A report snapshot holds no document.");
}

/// <summary>One year of a trend: released by kind in the year, remaining at its end, devices.</summary>
public sealed record TrendYear(int Year, DateOnly From, DateOnly To, SortedDictionary<string, double> Values)
{
    private static readonly string[] Prefixes = ["released.", "remaining.sha.", "remaining.cha.", "devices."];

    public static TrendYear Of(BucketFigures figures) => Of(figures.Bucket, figures.Values);

    public static TrendYear Of(ReportBucket bucket, IReadOnlyDictionary<string, double> values) =>
        new(bucket.From.Year, bucket.From, bucket.To, new SortedDictionary<string, double>(
            values.Where(v => Prefixes.Any(p => v.Key.StartsWith(p, StringComparison.Ordinal)) && !v.Key.Contains(".byContamination.", StringComparison.Ordinal))
                .ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal));
}

/// <summary>A hazardous area in a treaty table: where it is (a point on its surface, WGS 84) and what remains of it.</summary>
public sealed record TreatyArea(string LocalId, string Name, string Classification, string[] Contamination,
    double Latitude, double Longitude, double RemainingSqm, DateOnly DateOfInformation);
