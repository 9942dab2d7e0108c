using System.Collections.Frozen;

namespace LandRelease.Domain.Coordinates;

/// <summary>
/// The shifts to WGS 84 this deployment uses, by datum name. A datum with no entry is refused, never
/// converted with a zero shift: for Indian 1960 that would put every point about 450 m off. A national
/// authority that holds its own values overrides these (configuration Coordinates:DatumShifts:&lt;datum&gt;).
/// Names are matched whatever their spelling: "Indian 1960", "Indian_1960" and "D_Indian_1960" are one datum.
/// </summary>
public sealed class DatumShiftTable
{
    // By KnownDatums.Key of the canonical name, so "Kertau 1968" in configuration meets "D_Kertau_1968" in a .prj.
    private readonly FrozenDictionary<string, (string Name, DatumShift Shift)> _shifts;

    /// <summary>
    /// Published values (EPSG dataset), all in the position-vector convention:
    /// Indian 1960: EPSG:1542, published for Vietnam 14-18N; EPSG has none whose area covers Cambodia.
    /// Indian 1975: EPSG:1812, Indian 1975 to WGS 84 (4), Thailand onshore.
    /// Lao 1997: EPSG:1065, Lao 1997 to WGS 84 (1).
    /// VN-2000: EPSG:6960, VN-2000 to WGS 84 (2), published in the coordinate-frame convention, so its
    /// rotations appear here with the opposite sign.
    /// </summary>
    public static DatumShiftTable Default { get; } = new(new Dictionary<string, DatumShift>
    {
        [KnownDatums.Indian1960.Name] = new(198, 881, 317),
        [KnownDatums.Indian1975.Name] = new(293, 836, 318, 0.5, 1.6, -2.8, 2.1),
        [KnownDatums.Lao1997.Name] = new(44.585, -131.212, -39.544),
        [KnownDatums.Vn2000.Name] = new(-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278),
    });

    public DatumShiftTable(IEnumerable<KeyValuePair<string, DatumShift>> shifts)
    {
        var table = new Dictionary<string, (string Name, DatumShift Shift)>(StringComparer.Ordinal);
        foreach (var (datum, shift) in shifts)
        {
            if (string.IsNullOrWhiteSpace(datum) || KnownDatums.Key(datum).Length == 0)
            {
                throw new ArgumentException("A datum shift needs a datum name.", nameof(shifts));
            }

            if (!shift.IsFinite)
            {
                throw new ArgumentException($"The shift for datum '{datum}' is not a set of finite numbers.", nameof(shifts));
            }

            var name = KnownDatums.CanonicalName(datum);
            table[KnownDatums.Key(name)] = (name, shift);
        }

        _shifts = table.ToFrozenDictionary(StringComparer.Ordinal);
        Shifts = table.Values.ToFrozenDictionary(e => e.Name, e => e.Shift, StringComparer.Ordinal);
    }

    /// <summary>Datum name (a known datum's own spelling, otherwise as first given) to its shift.</summary>
    public IReadOnlyDictionary<string, DatumShift> Shifts { get; }

    public bool TryGet(string datum, out DatumShift shift)
    {
        var found = _shifts.TryGetValue(KeyOf(datum), out var entry);
        shift = entry.Shift;
        return found;
    }

    public DatumShiftTable With(string datum, DatumShift shift) =>
        new(Entries.Where(p => KeyOf(p.Key) != KeyOf(datum)).Append(new(datum, shift)));

    public DatumShiftTable Without(string datum) =>
        new(Entries.Where(p => KeyOf(p.Key) != KeyOf(datum)));

    /// <summary>
    /// This table with the given entries replaced or added, each value "tx,ty,tz,rx,ry,rz,ds" (or "tx,ty,tz");
    /// an empty value removes the datum, for an authority that will not convert it at all. As read from
    /// configuration section Coordinates:DatumShifts (key = datum name). A malformed value throws: a
    /// deployment must not start with a shift it cannot read.
    /// </summary>
    public DatumShiftTable WithOverrides(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        var table = this;
        foreach (var (datum, value) in overrides)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                table = table.Without(datum);
            }
            else if (DatumShift.TryParse(value, out var shift))
            {
                table = table.With(datum, shift);
            }
            else
            {
                throw new FormatException(
                    $"Coordinates:DatumShifts:{datum} = '{value}' is not a datum shift: expected \"tx,ty,tz,rx,ry,rz,ds\" " +
                    "(metres, arc-seconds, ppm; position-vector rotations), or \"tx,ty,tz\".");
            }
        }

        return table;
    }

    private IEnumerable<KeyValuePair<string, DatumShift>> Entries => Shifts;

    private static string KeyOf(string datum) => KnownDatums.Key(KnownDatums.CanonicalName(datum));
}
