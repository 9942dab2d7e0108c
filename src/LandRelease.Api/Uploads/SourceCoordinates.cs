using System.Text.Json.Nodes;
using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Traverses;
using LandRelease.Intake;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Uploads;

/// <summary>A reason a feature's coordinates cannot be brought to WGS 84; the feature is rejected with it.</summary>
internal sealed record ConversionProblem(string Rule, string Message);

/// <summary>
/// Decides an upload's coordinate system — the request's crs= or what the file declares — and refuses the upload
/// when neither names a CRS this system can convert with a known datum shift.
/// </summary>
internal sealed class SourceCoordinates(CoordinateSystems systems, TraverseGeometry traverses)
{
    /// <summary>Formats whose declared CRS is a convention (RFC 7946 for GeoJSON) that crs= may correct.</summary>
    private static readonly HashSet<string> OverridableFormats = new(StringComparer.OrdinalIgnoreCase) { "geojson", "csv" };

    public sealed record Resolution(SourceGeometry? Geometry, string? Name, ConversionProblem? Problem);

    public Resolution Resolve(string? requested, FeatureSource source)
    {
        var declared = source.DeclaredCrs;
        if (requested is null && declared is null)
        {
            return Fail(CrsFailureCodes.Missing,
                $"The {source.Format} file does not say which coordinate system its coordinates are in (e.g. a shapefile " +
                "without its .prj, or a CSV): send crs=EPSG:nnnn with the upload.");
        }

        var chosen = systems.Resolve(requested ?? declared!);
        if (!chosen.Succeeded)
        {
            return Fail(chosen.Failure.Code, chosen.Failure.Message);
        }

        if (requested is not null && declared is not null && !OverridableFormats.Contains(source.Format))
        {
            var fromFile = systems.Resolve(declared);
            if (fromFile.Succeeded && !SameSystem(fromFile.Transform, chosen.Transform))
            {
                return Fail("crs-conflict",
                    $"The file declares {fromFile.Transform} but crs= says {chosen.Transform}; send the upload without crs= " +
                    "to use the file's own, or correct the file.");
            }
        }

        return new Resolution(new SourceGeometry(chosen.Transform, requested ?? declared!, traverses), chosen.Transform.ToString(), null);
    }

    private static bool SameSystem(CrsTransform a, CrsTransform b) =>
        a.Epsg is { } x && b.Epsg is { } y ? x == y : string.Equals(a.Name, b.Name, StringComparison.Ordinal);

    private static Resolution Fail(string code, string message) => new(null, null, new ConversionProblem(code, message));
}

/// <summary>Brings one feature's geometry to WGS 84: a conversion, or a traverse computed from its observations.</summary>
internal sealed class SourceGeometry(CrsTransform transform, string crsText, TraverseGeometry traverses)
{
    public bool IsWgs84 => transform.IsWgs84LonLat;

    /// <summary>Coordinates in metres on a grid (UTM and the like), not degrees of any datum.</summary>
    public bool IsProjected => transform.IsProjected;

    /// <summary>The system as the upload declared it, e.g. "WGS 84 / UTM zone 48N (EPSG:32648)".</summary>
    public string Name => transform.ToString();

    /// <summary>Converts a GeoJSON geometry held in a property (an activity's reference point or outcome) in place.</summary>
    public void ConvertNested(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject geometry && GeoJsonNodes.Read(geometry) is { } read)
        {
            parent[key] = GeoJsonNodes.From(transform.ToWgs84(read));
        }
    }

    /// <param name="traverse">For a traverse, its observations and computed points, to be kept with the area.</param>
    public Geometry? ToWgs84(SourceFeature feature, out TraverseSolution? traverse, out ConversionProblem? problem)
    {
        problem = null;
        traverse = null;
        if (feature.Traverse is { } observed)
        {
            return traverses.Compute(observed, crsText, out traverse, out problem);
        }

        if (feature.Geometry is not { } geometry)
        {
            problem = new ConversionProblem("geometry-missing", "The feature has no geometry.");
            return null;
        }

        if (transform.IsWgs84LonLat)
        {
            geometry.SRID = 4326;
            return geometry;
        }

        // The corners of the extent bound every vertex: checking them round-trip costs four points, not thousands.
        var extent = geometry.EnvelopeInternal;
        foreach (var (x, y) in new[] { (extent.MinX, extent.MinY), (extent.MinX, extent.MaxY), (extent.MaxX, extent.MinY), (extent.MaxX, extent.MaxY) })
        {
            if (!transform.TryToWgs84(x, y, out _, out _))
            {
                problem = new ConversionProblem("coordinate-conversion",
                    $"({x}, {y}) is not a position {transform} can hold (not finite, or far outside its zone).");
                return null;
            }
        }

        return transform.ToWgs84(geometry);
    }
}
