using System.Text.Json;
using System.Text.Json.Serialization;
using LandRelease.Domain.HazardAreas;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LandRelease.Data.HazardAreas;

/// <summary>Evidence is stored as jsonb in exactly the shape the API shows: [{"kind":"DIRECT","description":"..."}].</summary>
internal static class EvidenceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static readonly ValueConverter<IReadOnlyList<Evidence>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        s => JsonSerializer.Deserialize<List<Evidence>>(s, Options) ?? new List<Evidence>());

    public static readonly ValueComparer<IReadOnlyList<Evidence>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode())),
        v => v.ToList());
}
