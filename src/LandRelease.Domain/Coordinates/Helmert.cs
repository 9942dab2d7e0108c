namespace LandRelease.Domain.Coordinates;

/// <summary>
/// A datum shift between a local ellipsoid and WGS 84 through Earth-centred coordinates, with the
/// position-vector Helmert matrix (small-angle rotations, as PROJ's +towgs84) and its exact inverse.
/// ProjNet's own inverse shift is a first-order approximation that is off by about a centimetre for
/// Indian 1975's rotations, too much for a round trip that must close within a centimetre; this class is
/// immutable, so one instance serves every thread.
/// </summary>
internal sealed class Helmert
{
    private const double ArcSecondsToRadians = Math.PI / (180 * 3600);

    private readonly Ellipsoid _local;
    private readonly double _tx, _ty, _tz;
    private readonly double[] _forward; // (1 + ds) R, row-major
    private readonly double[] _inverse; // its inverse

    public Helmert(Ellipsoid local, DatumShift shift)
    {
        _local = local;
        (_tx, _ty, _tz) = (shift.Tx, shift.Ty, shift.Tz);
        double s = 1 + shift.Ds * 1e-6;
        double rx = shift.Rx * ArcSecondsToRadians, ry = shift.Ry * ArcSecondsToRadians, rz = shift.Rz * ArcSecondsToRadians;
        _forward = [s, -s * rz, s * ry, s * rz, s, -s * rx, -s * ry, s * rx, s];
        _inverse = Invert(_forward);
    }

    public (double Lon, double Lat) ToWgs84(double lon, double lat)
    {
        var (x, y, z) = _local.ToGeocentric(lon, lat);
        var m = _forward;
        return Ellipsoid.Wgs84.ToGeodetic(
            m[0] * x + m[1] * y + m[2] * z + _tx,
            m[3] * x + m[4] * y + m[5] * z + _ty,
            m[6] * x + m[7] * y + m[8] * z + _tz);
    }

    public (double Lon, double Lat) FromWgs84(double lon, double lat)
    {
        var (x, y, z) = Ellipsoid.Wgs84.ToGeocentric(lon, lat);
        (x, y, z) = (x - _tx, y - _ty, z - _tz);
        var m = _inverse;
        return _local.ToGeodetic(
            m[0] * x + m[1] * y + m[2] * z,
            m[3] * x + m[4] * y + m[5] * z,
            m[6] * x + m[7] * y + m[8] * z);
    }

    private static double[] Invert(double[] m)
    {
        double c00 = m[4] * m[8] - m[5] * m[7], c01 = m[5] * m[6] - m[3] * m[8], c02 = m[3] * m[7] - m[4] * m[6];
        double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
        return
        [
            c00 / det, (m[2] * m[7] - m[1] * m[8]) / det, (m[1] * m[5] - m[2] * m[4]) / det,
            c01 / det, (m[0] * m[8] - m[2] * m[6]) / det, (m[2] * m[3] - m[0] * m[5]) / det,
            c02 / det, (m[1] * m[6] - m[0] * m[7]) / det, (m[0] * m[4] - m[1] * m[3]) / det,
        ];
    }
}
