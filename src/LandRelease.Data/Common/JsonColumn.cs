using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LandRelease.Data.Common;

/// <summary>Value objects stored as jsonb in the API's own shape (camelCase, enums as wire names).</summary>
internal static class JsonColumn
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false) },
    };

    public static ValueConverter<IReadOnlyList<T>, string> ListConverter<T>() => new(
        v => JsonSerializer.Serialize(v, Options),
        s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e!.GetHashCode())),
        v => v.ToList());

    public static ValueConverter<T?, string?> ValueConverter<T>() where T : class => new(
        v => v == null ? null : JsonSerializer.Serialize(v, Options),
        s => s == null ? null : JsonSerializer.Deserialize<T>(s, Options));
}
