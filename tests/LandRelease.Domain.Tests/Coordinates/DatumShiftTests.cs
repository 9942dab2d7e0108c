namespace LandRelease.Domain.Tests.Coordinates;

using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Geometry;

/// <summary>The datum-shift table: its published values, overrides, and the refusal to guess a missing shift.</summary>
public sealed class DatumShiftTests
{
    private static readonly CrsVectors.Vector Indian1960Vector = CrsVectors.All.First(v => v.Crs == "EPSG:3148");

    [Fact]
    public void TheDefaultTableHoldsThePublishedPositionVectorValues()
    {
        var shifts = DatumShiftTable.Default.Shifts;

        Assert.Equal(new DatumShift(198, 881, 317), shifts["Indian 1960"]);
        Assert.Equal(new DatumShift(293, 836, 318, 0.5, 1.6, -2.8, 2.1), shifts["Indian 1975"]);
        Assert.Equal(new DatumShift(44.585, -131.212, -39.544), shifts["Lao 1997"]);
        // EPSG:6960 is published coordinate-frame (rx = -0.00928836): the table holds the rotations sign-converted.
        Assert.Equal(new DatumShift(-191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278), shifts["VN-2000"]);
        Assert.Equal(4, shifts.Count);
    }

    [Theory]
    [InlineData("Indian 1960")]
    [InlineData("Indian_1960")]
    [InlineData("D_Indian_1960")]
    [InlineData("indian1960")]
    public void DatumNamesMatchWhateverTheSpelling(string name) =>
        Assert.True(DatumShiftTable.Default.TryGet(name, out _));

    [Theory]
    [InlineData("198,881,317", 198, 881, 317, 0)]
    [InlineData(" 293, 836, 318, 0.5, 1.6, -2.8, 2.1 ", 293, 836, 318, 2.1)]
    [InlineData("-1.5e2,0,0,0,0,0,0", -150, 0, 0, 0)]
    public void ParsesThreeOrSevenInvariantNumbers(string text, double tx, double ty, double tz, double ds)
    {
        Assert.True(DatumShift.TryParse(text, out var shift));
        Assert.Equal((tx, ty, tz, ds), (shift.Tx, shift.Ty, shift.Tz, shift.Ds));
    }

    [Theory]
    [InlineData("198;881;317")]
    [InlineData("198,881")]
    [InlineData("198,881,317,0,0")]
    [InlineData("198,881,NaN")]
    [InlineData("198,881,abc")]
    public void RefusesAnythingElse(string text) => Assert.False(DatumShift.TryParse(text, out _));

    [Fact]
    public void AnOverrideReplacesTheDefaultAndMovesThePoints()
    {
        var table = DatumShiftTable.Default.WithOverrides([new("Indian_1960", "198,881,327")]);
        var v = Indian1960Vector;

        var (lon, lat) = new CoordinateSystems(table).Resolve("EPSG:3148").Transform!.ToWgs84(v.X, v.Y);

        Assert.Equal(new DatumShift(198, 881, 327), table.Shifts["Indian 1960"]);
        // 10 m more on Z moves the point by some metres: the configured value, not the default, is in use.
        Assert.InRange(Geodesy.DistanceMetres(lon, lat, v.Lon, v.Lat), 1, 10);
    }

    [Fact]
    public void AnEmptyOverrideRemovesTheDatum()
    {
        var table = DatumShiftTable.Default.WithOverrides([new("Indian 1975", "")]);

        Assert.False(table.TryGet("Indian 1975", out _));
        Assert.True(table.TryGet("Indian 1960", out _));
    }

    [Fact]
    public void AMalformedOverrideThrowsNamingTheKey()
    {
        var e = Assert.Throws<FormatException>(() => DatumShiftTable.Default.WithOverrides([new("Lao 1997", "44.585 -131.212 -39.544")]));

        Assert.Contains("Coordinates:DatumShifts:Lao 1997", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EPSG:3148")]
    [InlineData("EPSG:4131")]
    [InlineData("Indian_1960_UTM_Zone_48N")]
    public void WithoutAShiftADatumIsRefusedNamingIt(string crs)
    {
        var systems = new CoordinateSystems(DatumShiftTable.Default.Without("Indian 1960"));

        var failure = systems.Resolve(crs).Failure;

        Assert.Equal(CrsFailureCodes.DatumShiftMissing, failure?.Code);
        Assert.Contains("Indian 1960", failure!.Message, StringComparison.Ordinal);
        Assert.Contains("Coordinates:DatumShifts:Indian 1960", failure.Message, StringComparison.Ordinal);
        Assert.True(systems.Resolve("EPSG:24047").Succeeded); // other datums are unaffected
    }

    [Fact]
    public void AnArcGisPrjWithoutAShiftIsRefused()
    {
        var systems = new CoordinateSystems(DatumShiftTable.Default.Without("Indian 1960"));

        var failure = systems.Resolve(EsriPrj.Indian1960Utm48).Failure;

        Assert.Equal(CrsFailureCodes.DatumShiftMissing, failure?.Code);
        Assert.Contains("Indian_1960_UTM_Zone_48N", failure!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AWktTowgs84IsHonouredForADatumTheTableLacks(bool withEpsgCode)
    {
        var systems = new CoordinateSystems(DatumShiftTable.Default.Without("Indian 1960"));
        var wkt = Indian1960Wkt("TOWGS84[198,881,317,0,0,0,0],", withEpsgCode);
        var v = Indian1960Vector;

        var transform = systems.Resolve(wkt).Transform!;
        var (lon, lat) = transform.ToWgs84(v.X, v.Y);

        Assert.Equal(DatumShiftSource.Wkt, transform.ShiftSource);
        Assert.True(Geodesy.DistanceMetres(lon, lat, v.Lon, v.Lat) < 1.0);
    }

    [Fact]
    public void AZeroTowgs84OnAnotherEllipsoidIsTheBallparkTrapAndIsRefused()
    {
        var systems = new CoordinateSystems(DatumShiftTable.Default.Without("Indian 1960"));

        var failure = systems.Resolve(Indian1960Wkt("TOWGS84[0,0,0,0,0,0,0],", withEpsgCode: false)).Failure;

        Assert.Equal(CrsFailureCodes.DatumShiftMissing, failure?.Code);
    }

    [Fact]
    public void TheTableWinsOverAWktTowgs84()
    {
        var transform = new CoordinateSystems().Resolve(Indian1960Wkt("TOWGS84[0,0,0,0,0,0,0],", withEpsgCode: false)).Transform!;

        Assert.Equal(DatumShiftSource.Table, transform.ShiftSource);
        Assert.Equal(3148, transform.Epsg);
    }

    [Fact]
    public void AShiftAddedForAnUnlistedDatumServesItsPrj()
    {
        var prj = EsriPrj.Utm("Kertau_UTM_Zone_47N", "GCS_Kertau", "D_Kertau", "SPHEROID[\"Everest_1830_Modified\",6377304.063,300.8017]", 47);
        Assert.Equal(CrsFailureCodes.DatumShiftMissing, new CoordinateSystems().Resolve(prj).Failure?.Code);

        var systems = new CoordinateSystems(DatumShiftTable.Default.WithOverrides([new("Kertau", "-11,851,5")]));
        var transform = systems.Resolve(prj).Transform!;

        Assert.Equal(new DatumShift(-11, 851, 5), transform.Shift);
        Assert.Equal(DatumShiftSource.Table, transform.ShiftSource);
    }

    private static string Indian1960Wkt(string towgs84, bool withEpsgCode) =>
        "PROJCS[\"Indian 1960 / UTM zone 48N\",GEOGCS[\"Indian 1960\",DATUM[\"Indian_1960\",SPHEROID[\"Everest 1830 (1937 Adjustment)\"," +
        $"6377276.345,300.8017],{towgs84}AUTHORITY[\"EPSG\",\"6131\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",105]," +
        "PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]" +
        (withEpsgCode ? ",AUTHORITY[\"EPSG\",\"3148\"]]" : "]");
}
