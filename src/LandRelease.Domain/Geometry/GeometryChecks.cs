namespace LandRelease.Domain.Geometry;

// Usings sit inside the namespace throughout this folder: outside it, `Geometry` would bind to this
// namespace (LandRelease.Domain.Geometry) instead of NetTopologySuite's Geometry type.
using NetTopologySuite.Geometries;

/// <summary>
/// The one gate every geometry passes on its way in (hazardous-area POST/PUT, batch uploads, release
/// decisions). Checks run in order and stop at the first group of errors that makes later checks
/// meaningless; fixes (Z/M, repeated vertices) are applied and reported as warnings.
/// </summary>
public static class GeometryChecks
{
    public static GeometryCheckResult Check(Geometry? input, CountryBoundary? country = null, GeometryCheckOptions? options = null)
    {
        options ??= GeometryCheckOptions.Default;
        var warnings = new List<GeometryIssue>();

        if (InputShape.TryGetPolygons(input, out var polygons) is { } typeError)
        {
            return GeometryCheckResult.Rejected([typeError], warnings);
        }

        if (CoordinateRange.FindFirstOutOfRange(polygons) is { } rangeError)
        {
            var swapped = country is null ? null : CountryCheck.SwappedOutOfRange(input!, polygons, country, options);
            return GeometryCheckResult.Rejected([swapped ?? rangeError], warnings);
        }

        var rings = VertexCleanup.ToCleanRings(polygons, warnings);

        // Each group needs the one before it: too few vertices cannot even form a ring, and a flat ring
        // would otherwise surface as a confusing self-intersection.
        var errors = RingShapeChecks.TooFewVertices(rings).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(RingShapeChecks.ZeroArea(rings));
        }

        if (errors.Count > 0)
        {
            return GeometryCheckResult.Rejected(errors, warnings);
        }

        var geometry = RingOrientation.ToMultiPolygon(rings);
        errors.AddRange(ValidityCheck.Check(geometry));
        if (errors.Count == 0 && country is not null && CountryCheck.Check(geometry, country, options) is { } countryError)
        {
            errors.Add(countryError);
        }

        if (errors.Count > 0)
        {
            return GeometryCheckResult.Rejected(errors, warnings);
        }

        if (EdgeWarnings.LongEdges(rings, options.LongEdgeWarningMetres) is { } longEdges)
        {
            warnings.Add(longEdges);
        }

        warnings.AddRange(EdgeWarnings.Spikes(rings));
        return GeometryCheckResult.Accepted(geometry, warnings);
    }
}
