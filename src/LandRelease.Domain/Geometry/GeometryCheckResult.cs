namespace LandRelease.Domain.Geometry;

using NetTopologySuite.Geometries;

public sealed class GeometryCheckResult
{
    private GeometryCheckResult(MultiPolygon? geometry, IReadOnlyList<GeometryIssue> errors, IReadOnlyList<GeometryIssue> warnings)
    {
        Geometry = geometry;
        Errors = errors;
        Warnings = warnings;
    }

    public bool IsAccepted => Errors.Count == 0;

    /// <summary>
    /// The checked, fixed geometry, or null when rejected: always a 2D MultiPolygon in SRID 4326 with
    /// RFC 7946 ring orientation (exterior counter-clockwise, holes clockwise).
    /// </summary>
    public MultiPolygon? Geometry { get; }

    public IReadOnlyList<GeometryIssue> Errors { get; }

    /// <summary>Fixes applied to the geometry and warnings that do not stop it being accepted.</summary>
    public IReadOnlyList<GeometryIssue> Warnings { get; }

    internal static GeometryCheckResult Accepted(MultiPolygon geometry, IEnumerable<GeometryIssue> warnings) =>
        new(geometry, [], [.. warnings]);

    internal static GeometryCheckResult Rejected(IEnumerable<GeometryIssue> errors, IEnumerable<GeometryIssue> warnings)
    {
        GeometryIssue[] errorList = [.. errors];
        if (errorList.Length == 0)
        {
            throw new ArgumentException("A rejection needs at least one error.", nameof(errors));
        }

        return new(null, errorList, [.. warnings]);
    }
}
