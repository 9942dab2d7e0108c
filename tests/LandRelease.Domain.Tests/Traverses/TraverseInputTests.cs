namespace LandRelease.Domain.Tests.Traverses;

using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Traverses;

/// <summary>Bad input comes back as a list of broken rules with field paths, never as an exception.</summary>
public sealed class TraverseInputTests
{
    private static readonly TraverseCalculator Calculator = new(new CoordinateSystems());

    [Fact]
    public void FewerThanThreeTurningPointsAreRefused()
    {
        var input = Valid() with { Legs = TraverseVectors.TrueDegrees.Take(4).ToArray() };

        var error = Assert.Single(Calculator.Compute(input).Errors);

        Assert.Equal(("legs", TraverseRules.Legs), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(25_000.0)]
    public void ADistanceMustBePositiveFiniteAndPlausible(double distance)
    {
        var input = WithLeg(Valid(), 3, l => l with { Distance = distance });

        var error = Assert.Single(Calculator.Compute(input).Errors);

        Assert.Equal(("legs[3].distance", TraverseRules.Distance), (error.Field, error.Rule));
    }

    [Theory]
    [InlineData(AngleUnit.Degrees, 360.5)]
    [InlineData(AngleUnit.Degrees, -0.1)]
    [InlineData(AngleUnit.Degrees, double.NaN)]
    [InlineData(AngleUnit.Mils, 6401)]
    [InlineData(AngleUnit.Mils, -1)]
    public void ABearingMustBeWithinOneCircle(AngleUnit unit, double bearing)
    {
        var input = WithLeg(Valid() with { AngleUnit = unit }, 2, l => l with { Bearing = bearing });

        var errors = Calculator.Compute(input).Errors;

        Assert.Contains(errors, e => e.Field == "legs[2].bearing" && e.Rule == TraverseRules.Bearing);
    }

    [Theory]
    [InlineData(AngleUnit.Degrees, 360.0)]
    [InlineData(AngleUnit.Mils, 6400.0)]
    public void AFullCircleIsNorth(AngleUnit unit, double fullCircle)
    {
        var north = Calculator.Compute(WithLeg(Valid(), 0, l => l with { Bearing = 0 })).Solution!;
        var circle = Calculator.Compute(WithLeg(Valid(), 0, l => l with { Bearing = fullCircle }) with { AngleUnit = unit }).Solution!;

        Assert.Equal(north.Point("BM").Northing, circle.Point("BM").Northing, 1e-6);
        Assert.Equal(north.Point("BM").Easting, circle.Point("BM").Easting, 1e-6);
    }

    [Fact]
    public void MagneticBearingsNeedADeclination()
    {
        var input = TraverseVectorTests.Input("magnetic degrees") with { MagneticDeclinationDegrees = null };

        var error = Assert.Single(Calculator.Compute(input).Errors);

        Assert.Equal(("magneticDeclinationDegrees", TraverseRules.Declination), (error.Field, error.Rule));
    }

    [Fact]
    public void EveryErrorIsReportedAtOnce()
    {
        var elsewhere = Valid() with { ReferencePoint = new(103.86, 13.36, "EPSG:9999") };
        var input = WithLeg(WithLeg(elsewhere, 1, l => l with { Bearing = 400 }), 4, l => l with { Distance = -1 });

        var fields = Calculator.Compute(input).Errors.Select(e => e.Field);

        Assert.Equal(["legs[1].bearing", "legs[4].distance", "referencePoint.crs"], fields.Order());
    }

    [Theory]
    [InlineData("EPSG:9999", CrsFailureCodes.Unknown)]
    [InlineData("Indian_1960_UTM_Zone_48N", CrsFailureCodes.DatumShiftMissing)]
    public void AReferencePointInACrsThatCannotBeConvertedIsRefusedNamingIt(string crs, string reason)
    {
        var systems = new CoordinateSystems(DatumShiftTable.Default.Without("Indian 1960"));
        var expected = systems.Resolve(crs).Failure!;

        var error = Assert.Single(new TraverseCalculator(systems).Compute(Valid() with { ReferencePoint = new(376969.231, 1476907.675, crs) }).Errors);

        Assert.Equal(reason, expected.Code);
        Assert.Equal(("referencePoint.crs", TraverseRules.Crs, expected.Message), (error.Field, error.Rule, error.Message));
    }

    [Theory]
    [InlineData("EPSG:4326", 200.0, 13.36)]
    [InlineData("EPSG:4326", 103.86, double.NaN)]
    [InlineData("EPSG:32648", 9.0e9, 1477231.131)]
    public void AReferencePointOutsideItsCrsIsRefused(string crs, double x, double y)
    {
        var error = Assert.Single(Calculator.Compute(Valid() with { ReferencePoint = new(x, y, crs) }).Errors);

        Assert.Equal(("referencePoint", TraverseRules.ReferencePoint), (error.Field, error.Rule));
    }

    private static TraverseInput Valid() => TraverseVectorTests.Input("true degrees");

    private static TraverseInput WithLeg(TraverseInput input, int index, Func<TraverseLeg, TraverseLeg> change) =>
        input with { Legs = input.Legs.Select((l, i) => i == index ? change(l) : l).ToArray() };
}
