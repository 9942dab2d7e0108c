using LandRelease.Domain.Common;

namespace LandRelease.Data.Common;

internal static class SqlChecks
{
    /// <summary>A CHECK constraint body allowing only the wire names of an enum.</summary>
    public static string OneOf<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", WireName<TEnum>.All.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))})";

    /// <summary>A CHECK constraint body for a text[] column whose elements must be wire names of an enum.</summary>
    public static string AllOf<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} <@ ARRAY[{string.Join(", ", WireName<TEnum>.All.Order(StringComparer.Ordinal).Select(n => $"'{n}'"))}]::text[]";
}
