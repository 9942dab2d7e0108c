using System.Globalization;

namespace LandRelease.Domain.Coordinates;

/// <summary>
/// A seven-parameter (Helmert) shift from a local datum to WGS 84, as written in a TOWGS84 clause:
/// translations in metres, rotations in arc-seconds, scale in parts per million. Rotations follow the
/// position-vector convention (that of TOWGS84 and PROJ's +towgs84); a value published in the
/// coordinate-frame convention (EPSG method 9607) changes the sign of its three rotations.
/// </summary>
public readonly record struct DatumShift(double Tx, double Ty, double Tz, double Rx = 0, double Ry = 0, double Rz = 0, double Ds = 0)
{
    public bool IsZero => Tx == 0 && Ty == 0 && Tz == 0 && Rx == 0 && Ry == 0 && Rz == 0 && Ds == 0;

    internal bool IsFinite =>
        double.IsFinite(Tx) && double.IsFinite(Ty) && double.IsFinite(Tz) &&
        double.IsFinite(Rx) && double.IsFinite(Ry) && double.IsFinite(Rz) && double.IsFinite(Ds);

    /// <summary>"tx,ty,tz" or "tx,ty,tz,rx,ry,rz,ds", invariant culture, as in a TOWGS84 clause or configuration.</summary>
    public static bool TryParse(string? text, out DatumShift shift)
    {
        shift = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is not (3 or 7))
        {
            return false;
        }

        var values = new double[7];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                return false;
            }
        }

        shift = new(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        return true;
    }

    public static DatumShift Parse(string text) =>
        TryParse(text, out var shift)
            ? shift
            : throw new FormatException($"'{text}' is not a datum shift: expected \"tx,ty,tz\" or \"tx,ty,tz,rx,ry,rz,ds\" (metres, arc-seconds, ppm).");

    /// <summary>The seven values as a TOWGS84 / +towgs84 list.</summary>
    public override string ToString() => string.Join(',',
        new[] { Tx, Ty, Tz, Rx, Ry, Rz, Ds }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
