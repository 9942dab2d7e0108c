using System.Globalization;
using LandRelease.Domain.Coordinates;
using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Traverses;

/// <summary>
/// Works out a traverse on the UTM grid of its reference point: each leg's bearing is turned into a grid
/// bearing (true - convergence; magnetic + declination - convergence; grid as is, all at the leg's start)
/// and its ground distance into a grid distance (times the mean point scale of the leg), then plotted from
/// the previous point. For legs of up to a few kilometres this matches the ellipsoidal (geodesic) solution
/// to millimetres; heights are not known, so distances are taken as measured on the ellipsoid.
/// Thread-safe; one instance serves the application.
/// </summary>
public sealed class TraverseCalculator(CoordinateSystems systems, TraverseOptions options)
{
    private const string ClosingName = "TP1 (closing)";
    private const double DegreesPerMil = 360.0 / 6400;
    private const double DegreesToRadians = Math.PI / 180;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public TraverseCalculator(CoordinateSystems systems)
        : this(systems, TraverseOptions.Default)
    {
    }

    public TraverseOptions Options => options;

    public TraverseResult Compute(TraverseInput input)
    {
        var errors = TraverseValidation.Check(input, options);
        var crs = systems.Resolve(input.ReferencePoint.Crs);
        double rpLon = double.NaN, rpLat = double.NaN;
        if (!crs.Succeeded)
        {
            errors.Add(new(TraverseRules.Crs, "referencePoint.crs", crs.Failure.Message));
        }
        else if (errors.All(e => e.Field != "referencePoint") && !crs.Transform.TryToWgs84(input.ReferencePoint.X, input.ReferencePoint.Y, out rpLon, out rpLat))
        {
            errors.Add(new(TraverseRules.ReferencePoint, "referencePoint",
                $"({input.ReferencePoint.X}, {input.ReferencePoint.Y}) is not a point of {crs.Transform}."));
        }

        return errors.Count > 0 ? TraverseResult.Invalid(errors) : TraverseResult.Solved(Solve(input, rpLon, rpLat));
    }

    private TraverseSolution Solve(TraverseInput input, double rpLon, double rpLat)
    {
        var zoneEpsg = Utm.EpsgOf(rpLon, rpLat);
        var zone = systems.Resolve(zoneEpsg.ToString(CultureInfo.InvariantCulture)).Transform!;
        var (rpEasting, rpNorthing) = zone.FromWgs84(rpLon, rpLat);
        var names = PointNames(input.Legs.Count);

        var stations = new List<TraversePoint>(names.Count) { new(names[0], rpLon, rpLat, rpEasting, rpNorthing) };
        var observations = new List<TraverseObservation>(input.Legs.Count);
        foreach (var leg in input.Legs)
        {
            var from = stations[^1];
            var gridBearing = GridBearing(input, leg, zone, from);
            var next = Plot(zone, from, gridBearing, leg.Distance, names[stations.Count]);
            stations.Add(next);
            observations.Add(new(from.Name, next.Name == ClosingName ? names[2] : next.Name, leg.Bearing, leg.Distance, gridBearing));
        }

        var turningPoints = stations.Skip(2).Take(stations.Count - 3).ToList();
        var closing = stations[^1];
        var tp1 = turningPoints[0];
        var misclosure = Geometry.Geodesy.DistanceMetres(closing.Longitude, closing.Latitude, tp1.Longitude, tp1.Latitude);
        var length = input.Legs.Skip(1).Sum(l => l.Distance);
        double? ratio = misclosure > 0 ? length / misclosure : null;
        var rejection = RejectionReason(misclosure, ratio);
        var ring = turningPoints.Append(tp1).Select(p => new Coordinate(p.Longitude, p.Latitude)).ToArray();

        return new TraverseSolution
        {
            Input = input,
            Zone = Utm.Label(zoneEpsg % 100, zoneEpsg < 32700),
            ZoneEpsg = zoneEpsg,
            GridConvergenceDegrees = GridFactors.At(zone, rpLon, rpLat).ConvergenceDegrees,
            Points = stations.Take(stations.Count - 1).ToList(),
            ClosingPoint = closing,
            Observations = observations,
            Polygon = Wgs84.CreatePolygon(ring),
            MisclosureMetres = misclosure,
            ClosureRatio = ratio,
            TraverseLengthMetres = length,
            PerimeterMetres = ring.Zip(ring.Skip(1), (a, b) => Geometry.Geodesy.DistanceMetres(a.X, a.Y, b.X, b.Y)).Sum(),
            Accepted = rejection is null,
            RejectionReason = rejection,
        };
    }

    /// <summary>RP, BM, TP1 ... TPn, and the closing point where the last leg ends.</summary>
    private static List<string> PointNames(int legs) =>
        ["RP", "BM", .. Enumerable.Range(1, legs - 2).Select(i => $"TP{i}"), ClosingName];

    private static double GridBearing(TraverseInput input, TraverseLeg leg, CrsTransform zone, TraversePoint from)
    {
        var bearing = input.AngleUnit == AngleUnit.Mils ? leg.Bearing * DegreesPerMil : leg.Bearing;
        var grid = input.BearingReference switch
        {
            BearingReference.Grid => bearing,
            BearingReference.True => bearing - GridFactors.At(zone, from.Longitude, from.Latitude).ConvergenceDegrees,
            _ => bearing + input.MagneticDeclinationDegrees!.Value - GridFactors.At(zone, from.Longitude, from.Latitude).ConvergenceDegrees,
        };
        return ((grid % 360) + 360) % 360;
    }

    /// <summary>The point at a ground distance along a grid bearing, scaled by the mean point scale of the leg's two ends.</summary>
    private static TraversePoint Plot(CrsTransform zone, TraversePoint from, double gridBearing, double distance, string name)
    {
        var (sin, cos) = Math.SinCos(gridBearing * DegreesToRadians);
        var startScale = GridFactors.At(zone, from.Longitude, from.Latitude).Scale;
        var (easting, northing) = (from.Easting + distance * startScale * sin, from.Northing + distance * startScale * cos);
        var (lon, lat) = zone.ToWgs84(easting, northing);
        var scale = (startScale + GridFactors.At(zone, lon, lat).Scale) / 2;
        (easting, northing) = (from.Easting + distance * scale * sin, from.Northing + distance * scale * cos);
        (lon, lat) = zone.ToWgs84(easting, northing);
        return new(name, lon, lat, easting, northing);
    }

    private string? RejectionReason(double misclosure, double? ratio)
    {
        var reasons = new List<string>();
        if (misclosure > options.MaxMisclosureMetres)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"the misclosure of {misclosure:F2} m is more than the {options.MaxMisclosureMetres} m allowed"));
        }

        if (ratio is { } n && n < options.MinClosureRatio)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"the closure of 1:{n:F0} is worse than the 1:{options.MinClosureRatio} required"));
        }

        return reasons.Count == 0 ? null : string.Concat(char.ToUpperInvariant(reasons[0][0]), string.Join("; ", reasons)[1..], ".");
    }
}
