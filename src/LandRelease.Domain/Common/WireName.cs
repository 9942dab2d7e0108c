using System.Collections.Frozen;
using System.Text.Json;

namespace LandRelease.Domain.Common;

/// <summary>
/// The one spelling of an enum value on the wire and in the database (AP_MINE, WORKED_ON), so that
/// JSON written by PostgreSQL and JSON written by .NET agree.
/// </summary>
public static class WireName<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> ToWireNames =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.SnakeCaseUpper.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> FromWireNames =
        ToWireNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => ToWireNames.Values;

    public static string Of(TEnum value) => ToWireNames[value];

    public static bool TryParse(string? wire, out TEnum value)
    {
        value = default;
        return wire is not null && FromWireNames.TryGetValue(wire.Trim().ToUpperInvariant(), out value);
    }

    public static TEnum Parse(string wire) =>
        TryParse(wire, out var value) ? value : throw new FormatException($"'{wire}' is not one of {string.Join(", ", All)}.");
}
