namespace LandRelease.Domain.Tests.Coordinates;

using LandRelease.Domain.Coordinates;
using NetTopologySuite.Geometries;

/// <summary>Whole geometries, points outside a grid, and many threads at once.</summary>
public sealed class CrsTransformTests
{
    private static readonly CoordinateSystems Systems = new();
    private static readonly GeometryFactory Grid = new(new PrecisionModel(), 3148);

    [Fact]
    public void AGeometryIsConvertedVertexByVertexIntoANewWgs84Geometry()
    {
        var transform = Systems.Resolve("EPSG:3148").Transform!;
        var shell = Ring((376900, 1476900), (377000, 1476900), (377000, 1477000), (376900, 1477000));
        var hole = Ring((376940, 1476940), (376960, 1476940), (376960, 1476960));
        var input = Grid.CreateMultiPolygon([Grid.CreatePolygon(shell, [hole]), Grid.CreatePolygon(Ring((380000, 1480000), (380100, 1480000), (380100, 1480100)))]);
        var before = input.Copy();

        var output = (MultiPolygon)transform.ToWgs84(input);

        Assert.Equal(4326, output.SRID);
        Assert.Equal(4326, output.Factory.SRID);
        Assert.Equal(input.NumGeometries, output.NumGeometries);
        Assert.Equal(1, ((Polygon)output[0]).NumInteriorRings);
        var inputs = input.Coordinates;
        var outputs = output.Coordinates;
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(transform.ToWgs84(inputs[i].X, inputs[i].Y), (outputs[i].X, outputs[i].Y));
        }

        Assert.True(before.EqualsExact(input), "the input geometry was changed");
        Assert.Equal(3148, input.SRID);
    }

    [Fact]
    public void HeightsAreCarriedThroughUnchanged()
    {
        var transform = Systems.Resolve("EPSG:32648").Transform!;
        var point = new GeometryFactory().CreatePoint(new CoordinateZ(376550.135, 1477231.131, 17.5));

        var output = (Point)transform.ToWgs84(point);

        Assert.Equal(17.5, output.Coordinate.Z);
        Assert.Equal(103.86, output.X, 1e-7);
    }

    [Fact]
    public void AWgs84GeometryIsCopiedNotShared()
    {
        var input = new GeometryFactory().CreatePoint(new Coordinate(103.86, 13.36));

        var output = Systems.Wgs84.ToWgs84(input);

        Assert.NotSame(input, output);
        Assert.Equal(4326, output.SRID);
        Assert.True(output.EqualsExact(input));
    }

    [Fact]
    public void FromWgs84GivesTheGridGeometryUnderItsCode()
    {
        var transform = Systems.Resolve("EPSG:3148").Transform!;
        var v = CrsVectors.All.First(v => v.Crs == "EPSG:3148");

        var output = (Point)transform.FromWgs84(new GeometryFactory(new PrecisionModel(), 4326).CreatePoint(new Coordinate(v.Lon, v.Lat)));

        Assert.Equal(3148, output.SRID);
        Assert.Equal(v.X, output.X, 1.0);
        Assert.Equal(v.Y, output.Y, 1.0);
    }

    [Theory]
    [InlineData("EPSG:3148", double.NaN, 1476907.675)]
    [InlineData("EPSG:3148", 376969.231, double.PositiveInfinity)]
    [InlineData("EPSG:3148", 5.0e9, 1476907.675)]
    [InlineData("EPSG:3148", 376969.231, 9.9e9)]
    [InlineData("EPSG:4326", 181.0, 13.0)]
    [InlineData("EPSG:4326", 103.0, -90.5)]
    public void TryToWgs84RefusesAPointTheCrsCannotHold(string crs, double x, double y)
    {
        var transform = Systems.Resolve(crs).Transform!;

        Assert.False(transform.TryToWgs84(x, y, out var lon, out var lat));
        Assert.True(double.IsNaN(lon) && double.IsNaN(lat));
    }

    [Fact]
    public void TryToWgs84AcceptsAPointInTheGrid()
    {
        var v = CrsVectors.All.First(v => v.Crs == "EPSG:3148");

        Assert.True(Systems.Resolve("EPSG:3148").Transform!.TryToWgs84(v.X, v.Y, out var lon, out var lat));
        Assert.Equal((v.Lon, v.Lat), (lon, lat), (a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-5 && Math.Abs(a.Item2 - b.Item2) < 1e-5);
    }

    [Fact]
    public void ManyThreadsResolvingAndConvertingGetTheSameAnswersAsOne()
    {
        string[] codes = ["EPSG:3148", "EPSG:24047", "EPSG:3405", "Lao 1997 / UTM zone 48N", "EPSG:4131", "EPSG:32648", "EPSG:3406"];
        var cases = Enumerable.Range(0, 4000).Select(i => (Crs: codes[i % codes.Length], X: 250_000 + i * 97.0, Y: 1_300_000 + i * 131.0)).ToArray();
        var reference = new CoordinateSystems();
        var expected = cases.Select(c => Convert(reference, c.Crs, c.X, c.Y)).ToArray();

        var fresh = new CoordinateSystems(); // resolved for the first time from many threads at once
        var actual = new (double, double, double, double)[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = Convert(fresh, cases[i].Crs, cases[i].X, cases[i].Y));

        Assert.Equal(expected, actual);
        Assert.All(codes, c => Assert.Same(fresh.Resolve(c).Transform, fresh.Resolve(c).Transform));
    }

    private static (double, double, double, double) Convert(CoordinateSystems systems, string crs, double x, double y)
    {
        var transform = systems.Resolve(crs).Transform!;
        if (!transform.IsProjected)
        {
            (x, y) = (100 + x / 1e5, y / 1e5);
        }

        var (lon, lat) = transform.ToWgs84(x, y);
        var (backX, backY) = transform.FromWgs84(lon, lat);
        return (lon, lat, backX, backY);
    }

    private static LinearRing Ring(params (double X, double Y)[] points) =>
        Grid.CreateLinearRing(points.Append(points[0]).Select(p => new Coordinate(p.X, p.Y)).ToArray());
}
