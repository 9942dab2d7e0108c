namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Distance;

/// <summary>
/// A country's outline in WGS 84 lon/lat, indexed once. Instances are cached for the life of the process
/// and shared between requests: the prepared geometry and the facet index are both thread-safe for reads
/// (their lazy indexes are built under locks, or eagerly).
/// </summary>
public sealed class CountryBoundary
{
    private readonly IPreparedGeometry _prepared;
    private readonly IndexedFacetDistance _facets;

    public CountryBoundary(string code, Geometry boundary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(boundary);
        if (boundary is not (Polygon or MultiPolygon) || boundary.IsEmpty)
        {
            throw new ArgumentException("A country boundary must be a non-empty Polygon or MultiPolygon.", nameof(boundary));
        }

        Code = code;
        // A private copy: the caller may reuse or mutate theirs, and the indexes must not go stale.
        var own = boundary.Copy();
        _prepared = PreparedGeometryFactory.Prepare(own);
        _facets = new IndexedFacetDistance(own);
        Centre = own.EnvelopeInternal.Centre;
    }

    public string Code { get; }

    /// <summary>The middle of the country's extent, in lon/lat: where a guess at its UTM zone starts.</summary>
    public Coordinate Centre { get; }

    /// <summary>0 when the geometry intersects the country; else the geodesic distance in metres between the nearest points.</summary>
    public double DistanceMetres(Geometry geometry) => Nearest(geometry).Metres;

    /// <summary>Whether the geometry intersects the country grown by <paramref name="toleranceMetres"/>.</summary>
    public bool Fits(Geometry geometry, double toleranceMetres)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return !geometry.IsEmpty && Nearest(geometry).Metres <= toleranceMetres;
    }

    /// <summary>
    /// The distance and the nearest point on <paramref name="geometry"/> (null when they intersect).
    /// The nearest pair is found in lon/lat degrees and then measured on the ellipsoid. That pair can
    /// differ slightly from the geodesically nearest one, overstating the distance by at most a few
    /// per cent at these latitudes: fine for a tolerance of kilometres against 1:10m borders.
    /// </summary>
    internal (double Metres, Coordinate? Point) Nearest(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty)
        {
            throw new ArgumentException("Cannot measure the distance to an empty geometry.", nameof(geometry));
        }

        if (_prepared.Intersects(geometry))
        {
            return (0, null);
        }

        var points = _facets.NearestPoints(geometry);
        var onCountry = points[0];
        var onGeometry = points[1];
        return (Geodesy.DistanceMetres(onCountry.X, onCountry.Y, onGeometry.X, onGeometry.Y), onGeometry);
    }
}
