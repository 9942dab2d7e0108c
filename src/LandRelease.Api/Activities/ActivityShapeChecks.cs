using LandRelease.Api.HazardAreas;
using LandRelease.Data;
using LandRelease.Data.Activities;
using LandRelease.Data.Releases;
using LandRelease.Domain.Activities;
using LandRelease.Domain.Common;
using LandRelease.Domain.Geometry;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace LandRelease.Api.Activities;

/// <summary>The checked shapes of an activity, or why they cannot be stored.</summary>
internal sealed record ShapeCheck(ActivityShapes? Shapes, List<RuleViolation> Violations, List<FieldIssue> Errors, List<FieldIssue> Warnings);

/// <summary>
/// The geometry gate for activities: the hazardous areas' checks (with the country boundary) on the worked
/// area and on every proposed outcome (safe to run in parallel), then, set-based for many activities at once, whether
/// each lies within its hazardous area and how far the reference point lies from it.
/// </summary>
internal sealed class ActivityShapeChecks(LandReleaseDbContext db, IOptions<RegisterOptions> register, IOptions<ActivityOptions> options)
{
    public const string OutsideHazardArea = "outside-hazard-area";
    public const string ReferencePointFar = "reference-point-far-from-area";
    private const string WorkedAreaField = "geometry";
    private const string PointField = "properties.referencePoint";

    /// <summary>m² beyond the tolerance that count as outside: less is floating-point dust.</summary>
    private const double OutsideDust = 0.01;

    /// <summary>Every check that needs no database; <see cref="PlaceAsync"/> then measures the shapes against their areas.</summary>
    public ShapeCheck Check(ReadActivity read, CountryBoundary? country)
    {
        var result = new ShapeCheck(null, [], [], []);
        var checkOptions = new GeometryCheckOptions
        {
            CountryToleranceMetres = register.Value.CountryToleranceMetres,
            LongEdgeWarningMetres = register.Value.LongEdgeWarningMetres,
        };

        var worked = read.WorkedArea is null ? null : Check(read.WorkedArea, WorkedAreaField, country, checkOptions, result);
        var outcomes = read.Outcomes
            .Select((o, i) => (o.Kind, Geometry: Check(o.Geometry, OutcomeField(i), country, checkOptions, result)))
            .ToList();
        if (CheckPoint(read.ReferencePoint, country, checkOptions.CountryToleranceMetres) is { } pointIssue)
        {
            result.Errors.Add(new FieldIssue(PointField, pointIssue));
        }

        return result.Errors.Count > 0
            ? result
            : result with { Shapes = new ActivityShapes(read.ReferencePoint, worked, [.. outcomes.Select(o => new OutcomeShape(o.Kind, o.Geometry!))]) };
    }

    /// <summary>
    /// Whether each checked activity's polygons lie within its hazardous area (1 m tolerance, DOMAIN.md rule 2) and how
    /// far its reference point lies from it: two statements for all of them.
    /// </summary>
    public async Task PlaceAsync(IReadOnlyList<(ShapeCheck Check, Guid HazardAreaId)> checks, CancellationToken ct)
    {
        var placed = checks.Where(c => c.Check.Shapes is not null).ToList();
        if (placed.Count == 0)
        {
            return;
        }

        var placements = await ActivityPlacement.MeasureAsync(db,
            [.. placed.Select(c => new PlacementQuery(c.HazardAreaId, [.. Polygons(c.Check.Shapes!).Select(p => p.Geometry)], c.Check.Shapes!.ReferencePoint))], options.Value.ReferencePointMaxMetres, ct);
        var strays = await LocateStraysAsync(placed, placements, ct);
        foreach (var ((check, areaId), placement) in placed.Zip(placements))
        {
            Judge(check, placement ?? throw new InvalidOperationException($"Hazardous area {areaId} vanished while checked."), strays);
        }
    }

    /// <summary>Where each shape found outside its area strays (rare: asked only for those), keyed by the shape.</summary>
    private async Task<Dictionary<MultiPolygon, Point>> LocateStraysAsync(List<(ShapeCheck Check, Guid HazardAreaId)> placed,
        IReadOnlyList<Placement?> placements, CancellationToken ct)
    {
        var outside = placed.Zip(placements)
            .Where(p => p.Second is not null)
            .SelectMany(p => Polygons(p.First.Check.Shapes!).Zip(p.Second!.Shapes)
                .Where(s => s.Second.BeyondToleranceSqm > OutsideDust)
                .Select(s => (p.First.HazardAreaId, Shape: s.First.Geometry)))
            .ToList();
        var points = await ActivityOutsidePoints.LocateAsync(db, outside, ReleaseCounting.InsideToleranceMetres, ct);
        var located = new Dictionary<MultiPolygon, Point>(ReferenceEqualityComparer.Instance);
        foreach (var (shape, point) in outside.Select(o => o.Shape).Zip(points))
        {
            if (point is not null)
            {
                located.TryAdd(shape, point);
            }
        }

        return located;
    }

    public static string OutcomeField(int ordinal) => $"properties.proposedOutcomes[{ordinal}].geometry";

    private static MultiPolygon? Check(Geometry input, string field, CountryBoundary? country, GeometryCheckOptions options,
        ShapeCheck result)
    {
        var checkedGeometry = GeometryChecks.Check(input, country, options);
        result.Errors.AddRange(checkedGeometry.Errors.Select(e => new FieldIssue(field, e)));
        result.Warnings.AddRange(checkedGeometry.Warnings.Select(w => new FieldIssue(field, w)));
        return checkedGeometry.Geometry;
    }

    private static GeometryIssue? CheckPoint(Point point, CountryBoundary? country, double toleranceMetres)
    {
        double lon = point.X, lat = point.Y;
        var swapped = new Point(lat, lon) { SRID = point.SRID };
        var looksSwapped = country is not null && InRange(lat, lon) && country.Fits(swapped, toleranceMetres);
        if (looksSwapped && !(InRange(lon, lat) && country!.Fits(point, toleranceMetres)))
        {
            return new(GeometryRules.SwappedCoordinates,
                $"The reference point reads {IssueText.At(point.Coordinate)}, outside {country!.Code}; it is probably {IssueText.At(swapped.Coordinate)}.",
                lat, lon);
        }

        if (!InRange(lon, lat))
        {
            return new(GeometryRules.CoordinateRange,
                $"The reference point is {IssueText.At(point.Coordinate)}; longitude lies within ±180 and latitude within ±90.");
        }

        return country is null || country.Fits(point, toleranceMetres)
            ? null
            : new(GeometryRules.OutsideCountry,
                $"The reference point lies {country.DistanceMetres(point) / 1000:0.#} km outside {country.Code}, more than the " +
                $"{toleranceMetres / 1000:0.#} km allowed for border accuracy.", lon, lat);
    }

    private static bool InRange(double lon, double lat) =>
        double.IsFinite(lon) && double.IsFinite(lat) && Math.Abs(lon) <= 180 && Math.Abs(lat) <= 90;

    private static List<(string Field, MultiPolygon Geometry)> Polygons(ActivityShapes shapes)
    {
        var polygons = new List<(string Field, MultiPolygon Geometry)>();
        if (shapes.WorkedArea is { } worked)
        {
            polygons.Add((WorkedAreaField, worked));
        }

        polygons.AddRange(shapes.Outcomes.Select((o, i) => (OutcomeField(i), o.Geometry)));
        return polygons;
    }

    private void Judge(ShapeCheck result, Placement placement, Dictionary<MultiPolygon, Point> strays)
    {
        foreach (var ((field, shape), outside) in Polygons(result.Shapes!).Zip(placement.Shapes))
        {
            // Beyond the tolerance at all (0.01 m² absorbs floating-point dust); the message gives the whole m² outside.
            if (outside.BeyondToleranceSqm > OutsideDust)
            {
                var what = field == WorkedAreaField ? "The worked area" : "The proposed outcome";
                var at = strays.GetValueOrDefault(shape);
                result.Violations.Add(new(OutsideHazardArea, field,
                    $"{what} lies {outside.OutsideSqm:0.##} m² outside its hazardous area (tolerance {ReleaseCounting.InsideToleranceMetres} m)" +
                    (at is null ? "." : $", for example at {IssueText.At(at.Coordinate)}."))
                {
                    Longitude = at?.X,
                    Latitude = at?.Y,
                });
            }
        }

        var limit = options.Value.ReferencePointMaxMetres;
        if (placement.ReferencePointMetres > limit)
        {
            var point = result.Shapes!.ReferencePoint;
            result.Violations.Add(new(ReferencePointFar, PointField,
                $"The reference point lies {placement.ReferencePointMetres / 1000:0.##} km from its hazardous area; " +
                $"at most {limit / 1000:0.##} km is accepted (a zone, datum or typing error is likely).")
            {
                Longitude = point.X,
                Latitude = point.Y,
            });
        }
    }
}
