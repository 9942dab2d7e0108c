using LandRelease.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LandRelease.Data.Common;

/// <summary>Stores an enum as its wire name (SHA, WORKED_ON) so SQL-built JSON needs no mapping.</summary>
public sealed class WireNameConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => WireName<TEnum>.Of(v),
    s => WireName<TEnum>.Parse(s))
    where TEnum : struct, Enum;
