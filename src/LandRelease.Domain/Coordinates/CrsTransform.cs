namespace LandRelease.Domain.Coordinates;

// Inside the namespace, so that Geometry is NTS's type and not the LandRelease.Domain.Geometry namespace.
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems.Transformations;

/// <summary>Where the datum shift of a transform comes from.</summary>
public enum DatumShiftSource
{
    /// <summary>The CRS is on WGS 84: nothing to shift.</summary>
    None,

    /// <summary>The deployment's <see cref="DatumShiftTable"/>.</summary>
    Table,

    /// <summary>The TOWGS84 clause of the WKT itself, for a datum the table does not hold.</summary>
    Wkt,
}

/// <summary>
/// Conversion between one CRS (x = easting or longitude, y = northing or latitude, whatever the CRS's
/// declared axis order, as GIS files store them) and WGS 84 longitude/latitude in degrees. Heights are
/// neither used nor changed. Immutable and thread-safe: the ProjNet projections it holds are only ever
/// run forward (never Invert()ed, which mutates a transform in place), and they keep no state per call.
/// </summary>
public sealed class CrsTransform
{
    private static readonly GeometryFactory Wgs84Factory = new(new PrecisionModel(), 4326);

    private readonly MathTransform? _gridToGeographic;
    private readonly MathTransform? _geographicToGrid;
    private readonly Helmert? _helmert;
    private readonly GeometryFactory _ownFactory;
    private readonly ICoordinateSequenceFilter _toWgs84;
    private readonly ICoordinateSequenceFilter _fromWgs84;

    internal CrsTransform(string name, int? epsg, string datum, DatumShift? shift, DatumShiftSource shiftSource,
        Helmert? helmert, MathTransform? gridToGeographic, MathTransform? geographicToGrid)
    {
        (Name, Epsg, Datum, Shift, ShiftSource) = (name, epsg, datum, shift, shiftSource);
        (_helmert, _gridToGeographic, _geographicToGrid) = (helmert, gridToGeographic, geographicToGrid);
        _ownFactory = new(new PrecisionModel(), epsg ?? 0);
        _toWgs84 = new SequenceFilter(ToWgs84);
        _fromWgs84 = new SequenceFilter(FromWgs84);
    }

    public string Name { get; }

    public int? Epsg { get; }

    public string Datum { get; }

    /// <summary>The shift applied to reach WGS 84; null when the CRS is on WGS 84.</summary>
    public DatumShift? Shift { get; }

    public DatumShiftSource ShiftSource { get; }

    public bool IsProjected => _gridToGeographic is not null;

    public bool IsWgs84LonLat => _gridToGeographic is null && _helmert is null;

    public (double Lon, double Lat) ToWgs84(double x, double y)
    {
        if (_gridToGeographic is not null)
        {
            double z = 0;
            _gridToGeographic.Transform(ref x, ref y, ref z);
        }

        return _helmert is null ? (x, y) : _helmert.ToWgs84(x, y);
    }

    public (double X, double Y) FromWgs84(double lon, double lat)
    {
        var (x, y) = _helmert is null ? (lon, lat) : _helmert.FromWgs84(lon, lat);
        if (_geographicToGrid is not null)
        {
            double z = 0;
            _geographicToGrid.Transform(ref x, ref y, ref z);
        }

        return (x, y);
    }

    /// <summary>
    /// Like <see cref="ToWgs84(double, double)"/>, but false for a point this CRS cannot hold: not finite,
    /// off the globe, or so far outside the grid's zone that the projection no longer maps it back to itself
    /// (within 10 cm). One point at a time; for whole geometries the geometry checks catch such vertices.
    /// </summary>
    public bool TryToWgs84(double x, double y, out double lon, out double lat)
    {
        (lon, lat) = (double.NaN, double.NaN);
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return false;
        }

        var (l, p) = ToWgs84(x, y);
        if (!double.IsFinite(l) || !double.IsFinite(p) || Math.Abs(l) > 180 || Math.Abs(p) > 90)
        {
            return false;
        }

        // A 2D datum shift drops the height between datums, so a round trip closes to millimetres, not exactly;
        // outside a grid's reach the projection's series diverge by kilometres.
        var (backX, backY) = FromWgs84(l, p);
        var tolerance = IsProjected ? 0.1 : 1e-6;
        if (!(Math.Abs(backX - x) <= tolerance && Math.Abs(backY - y) <= tolerance))
        {
            return false;
        }

        (lon, lat) = (l, p);
        return true;
    }

    /// <summary>A new geometry in WGS 84 (SRID 4326); the argument is left as it was.</summary>
    public Geometry ToWgs84(Geometry geometry)
    {
        var copy = Wgs84Factory.CreateGeometry(geometry);
        if (!IsWgs84LonLat)
        {
            copy.Apply(_toWgs84);
        }

        return copy;
    }

    /// <summary>A new geometry in this CRS (SRID = its EPSG code, or 0 where it has none).</summary>
    public Geometry FromWgs84(Geometry geometry)
    {
        var copy = _ownFactory.CreateGeometry(geometry);
        if (!IsWgs84LonLat)
        {
            copy.Apply(_fromWgs84);
        }

        return copy;
    }

    public override string ToString() => Epsg is { } code ? $"{Name} (EPSG:{code})" : Name;

    // Stateless, so one instance per transform serves every thread; it rewrites x and y in place, no allocation per vertex.
    private sealed class SequenceFilter(Func<double, double, (double, double)> convert) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = convert(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
