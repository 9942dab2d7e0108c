namespace LandRelease.Domain.Tests.Traverses;

using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Geometry;
using LandRelease.Domain.Traverses;

public sealed class TraverseVectorTests
{
    private const double FiveCentimetres = 0.05;
    private static readonly TraverseCalculator Calculator = new(new CoordinateSystems());

    public static TheoryData<string> Variants => new("true degrees", "true mils", "magnetic degrees", "grid degrees");

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryWayOfWritingTheTraverseGivesTheExpectedPoints(string variant)
    {
        var solution = Solve(Input(variant));

        foreach (var (name, lon, lat) in TraverseVectors.ExpectedPoints)
        {
            var point = solution.Point(name);
            var metres = Geodesy.DistanceMetres(point.Longitude, point.Latitude, lon, lat);
            Assert.True(metres < FiveCentimetres, $"{variant}: {name} is {metres:F4} m from the expected point");
        }

        var closing = Geodesy.DistanceMetres(solution.ClosingPoint.Longitude, solution.ClosingPoint.Latitude,
            TraverseVectors.ExpectedClosingPoint.Lon, TraverseVectors.ExpectedClosingPoint.Lat);
        Assert.True(closing < FiveCentimetres, $"{variant}: the closing point is {closing:F4} m from the expected one");
        Assert.True(solution.MisclosureMetres < 0.01, $"{variant}: misclosure {solution.MisclosureMetres:F4} m");
        Assert.True(solution.Accepted, solution.RejectionReason);
    }

    [Theory]
    [InlineData("EPSG:4326", 103.86, 13.36)]
    [InlineData("EPSG:32648", 376550.135, 1477231.131)] // the same place, from crs.json
    [InlineData("EPSG:3148", 376969.231, 1476907.675)] // and on the Indian 1960 grid
    public void TheReferencePointMayBeGivenInAnySupportedCrs(string crs, double x, double y)
    {
        var solution = Solve(new TraverseInput(new(x, y, crs), BearingReference.True, AngleUnit.Degrees, TraverseVectors.TrueDegrees));

        var tp3 = solution.Point("TP3");
        var (lon, lat) = (TraverseVectors.ExpectedPoints[3].Lon, TraverseVectors.ExpectedPoints[3].Lat);
        Assert.True(Geodesy.DistanceMetres(tp3.Longitude, tp3.Latitude, lon, lat) < FiveCentimetres);
    }

    [Fact]
    public void ThePointsAreOnTheGridOfTheReferencePointsZone()
    {
        var solution = Solve(Input("true degrees"));

        Assert.Equal("48N", solution.Zone);
        Assert.Equal(32648, solution.ZoneEpsg);
        // Measured on ProjNet's grid, whose Transverse Mercator series is truncated: 0.03" from PROJ's exact value here.
        Assert.Equal(TraverseVectors.GridConvergenceDegrees, solution.GridConvergenceDegrees, 2e-5);
        Assert.Equal(["RP", "BM", "TP1", "TP2", "TP3", "TP4"], solution.Points.Select(p => p.Name));
        Assert.All(solution.Points.Append(solution.ClosingPoint), p =>
        {
            var (easting, northing) = Utm.FromWgs84(p.Longitude, p.Latitude, 48, north: true);
            Assert.Equal(easting, p.Easting, 0.001);
            Assert.Equal(northing, p.Northing, 0.001);
        });
    }

    [Fact]
    public void ThePolygonRunsThroughTheTurningPointsAndClosesOnTp1()
    {
        var solution = Solve(Input("true degrees"));

        var ring = solution.Polygon.ExteriorRing.Coordinates;
        Assert.Equal(4326, solution.Polygon.SRID);
        Assert.Equal(["TP1", "TP2", "TP3", "TP4", "TP1"], ring.Select(c => solution.Points.Single(p => p.Longitude == c.X && p.Latitude == c.Y).Name));
        Assert.True(solution.Polygon.IsValid);
        // Observed loop: 120 + 90 + 120 m, and about 90 m back to TP1.
        Assert.Equal(420, solution.PerimeterMetres, 0.05);
    }

    [Fact]
    public void TheRawObservationsAreKeptAsGiven()
    {
        var solution = Solve(Input("true mils"));

        Assert.Equal(["RP-BM", "BM-TP1", "TP1-TP2", "TP2-TP3", "TP3-TP4", "TP4-TP1"], solution.Observations.Select(o => $"{o.From}-{o.To}"));
        Assert.Equal(TraverseVectors.TrueMils.Select(l => (l.Bearing, l.Distance)), solution.Observations.Select(o => (o.Bearing, o.Distance)));
        Assert.Equal(AngleUnit.Mils, solution.Input.AngleUnit);
        Assert.Equal(45 - TraverseVectors.GridConvergenceDegrees, solution.Observations[0].GridBearingDegrees, 1e-5);
    }

    [Fact]
    public void TheMisclosureVariantReportsItsMisclosureAndRatio()
    {
        var solution = Solve(Input("true degrees") with { Legs = TraverseVectors.WithMisclosure });

        Assert.Equal(TraverseVectors.ExpectedMisclosureMetres, solution.MisclosureMetres, 0.01);
        Assert.Equal(TraverseVectors.ExpectedTraverseLengthMetres, solution.TraverseLengthMetres);
        Assert.InRange(solution.ClosureRatio!.Value, 296, 300); // 446.5 / 1.4995 = 297.8
        Assert.True(solution.Accepted, "1:298 and 1.5 m pass the defaults (1:200, 5 m)");
        Assert.Null(solution.RejectionReason);
    }

    [Fact]
    public void AStricterRatioRejectsTheMisclosureVariant()
    {
        var strict = new TraverseCalculator(new CoordinateSystems(), new TraverseOptions { MinClosureRatio = 500 });

        var solution = strict.Compute(Input("true degrees") with { Legs = TraverseVectors.WithMisclosure }).Solution!;

        Assert.False(solution.Accepted);
        Assert.Contains("1:298", solution.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("1:500", solution.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbsoluteLimitRejectsTheMisclosureVariant()
    {
        var strict = new TraverseCalculator(new CoordinateSystems(), new TraverseOptions { MaxMisclosureMetres = 1.0 });

        var solution = strict.Compute(Input("true degrees") with { Legs = TraverseVectors.WithMisclosure }).Solution!;

        Assert.False(solution.Accepted);
        Assert.Contains("1.50 m", solution.RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(103.86, 13.36)]
    [InlineData(102.05, 13.0)] // 2.95 degrees west of zone 48's meridian: grid scale 1.0006, 6 cm per 100 m if ignored
    [InlineData(106.8, -6.2)] // south of the equator, zone 48S
    public void EachLegSpansItsObservedGroundDistance(double lon, double lat)
    {
        var solution = Solve(new TraverseInput(new(lon, lat), BearingReference.True, AngleUnit.Degrees, TraverseVectors.TrueDegrees));

        var points = solution.Points.Append(solution.ClosingPoint).ToList();
        for (var i = 0; i < TraverseVectors.TrueDegrees.Length; i++)
        {
            var metres = Geodesy.DistanceMetres(points[i].Longitude, points[i].Latitude, points[i + 1].Longitude, points[i + 1].Latitude);
            Assert.Equal(TraverseVectors.TrueDegrees[i].Distance, metres, 0.005);
        }

        Assert.True(solution.MisclosureMetres < 0.02, $"misclosure {solution.MisclosureMetres:F4} m");
    }

    internal static TraverseInput Input(string variant)
    {
        var rp = new TraverseReferencePoint(TraverseVectors.ReferencePoint.Lon, TraverseVectors.ReferencePoint.Lat);
        return variant switch
        {
            "true degrees" => new(rp, BearingReference.True, AngleUnit.Degrees, TraverseVectors.TrueDegrees),
            "true mils" => new(rp, BearingReference.True, AngleUnit.Mils, TraverseVectors.TrueMils),
            "magnetic degrees" => new(rp, BearingReference.Magnetic, AngleUnit.Degrees, TraverseVectors.MagneticDegrees, TraverseVectors.MagneticDeclinationDegrees),
            "grid degrees" => new(rp, BearingReference.Grid, AngleUnit.Degrees, TraverseVectors.GridDegrees),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };
    }

    private static TraverseSolution Solve(TraverseInput input)
    {
        var result = Calculator.Compute(input);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Solution;
    }
}
