namespace LandRelease.Domain.Tests.Coordinates;

using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Geometry;

public sealed class CrsResolutionTests
{
    private static readonly CoordinateSystems Systems = new(DatumShiftTable.Default);

    // GDAL's OGC WKT for EPSG:3148: AUTHORITY codes and a TOWGS84 of its own.
    private const string OgcIndian1960Utm48 =
        "PROJCS[\"Indian 1960 / UTM zone 48N\",GEOGCS[\"Indian 1960\",DATUM[\"Indian_1960\",SPHEROID[\"Everest 1830 (1937 Adjustment)\"," +
        "6377276.345,300.8017,AUTHORITY[\"EPSG\",\"7015\"]],TOWGS84[198,881,317,0,0,0,0],AUTHORITY[\"EPSG\",\"6131\"]]," +
        "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]," +
        "AUTHORITY[\"EPSG\",\"4131\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0]," +
        "PARAMETER[\"central_meridian\",105],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000]," +
        "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]," +
        "AUTHORITY[\"EPSG\",\"3148\"]]";

    private static readonly CrsVectors.Vector Indian1960Vector = CrsVectors.All.First(v => v.Crs == "EPSG:3148");

    [Theory]
    [InlineData("EPSG:3148")]
    [InlineData("epsg:3148")]
    [InlineData(" EPSG: 3148 ")]
    [InlineData("3148")]
    [InlineData("urn:ogc:def:crs:EPSG::3148")]
    [InlineData("urn:ogc:def:crs:EPSG:9.9.1:3148")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/3148")]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/3148")]
    [InlineData("Indian 1960 / UTM zone 48N")]
    [InlineData("Indian_1960_UTM_Zone_48N")]
    public void EveryWayOfWritingACodeResolvesToTheSameTransform(string crs)
    {
        var resolution = Systems.Resolve(crs);

        Assert.True(resolution.Succeeded, resolution.Failure?.Message);
        Assert.Same(Systems.Resolve("EPSG:3148").Transform, resolution.Transform);
        Assert.Equal(3148, resolution.Transform.Epsg);
        Assert.Equal("Indian 1960", resolution.Transform.Datum);
        Assert.Equal(DatumShiftSource.Table, resolution.Transform.ShiftSource);
    }

    [Fact]
    public void AnIntegerCodeResolvesLikeItsText() =>
        Assert.Same(Systems.Resolve("EPSG:24048").Transform, Systems.Resolve(24048).Transform);

    [Fact]
    public void EveryListedCrsResolvesByItsNameAndItsArcGisName()
    {
        foreach (var crs in CoordinateSystems.Supported)
        {
            foreach (var name in new[] { crs.Identifier, crs.Name, crs.EsriName }.OfType<string>())
            {
                var resolution = Systems.Resolve(name);
                Assert.True(resolution.Succeeded, $"{name}: {resolution.Failure?.Message}");
                Assert.Equal((crs.Epsg, crs.Name, crs.Datum), (resolution.Transform.Epsg, resolution.Transform.Name, resolution.Transform.Datum));
                Assert.Equal(crs.IsProjected, resolution.Transform.IsProjected);
            }
        }
    }

    [Theory]
    [InlineData("CRS84")]
    [InlineData("OGC:CRS84")]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    [InlineData("urn:ogc:def:crs:EPSG::4326")]
    [InlineData("WGS 84")]
    public void Crs84AndEpsg4326AreLongitudeLatitudeUnchanged(string crs)
    {
        var transform = Systems.Resolve(crs).Transform!;

        Assert.Same(Systems.Wgs84, transform);
        Assert.True(transform.IsWgs84LonLat);
        Assert.Equal((103.86, 13.36), transform.ToWgs84(103.86, 13.36));
    }

    [Theory]
    [InlineData("EPSG:32650", 117.0, 50)]
    [InlineData("EPSG:32651", 123.0, 51)]
    public void AnyWgs84UtmZoneResolvesWithoutBeingListed(string crs, double centralMeridian, int zone)
    {
        var transform = Systems.Resolve(crs).Transform!;

        var (easting, _) = transform.FromWgs84(centralMeridian, 10.0);

        Assert.Equal(500_000, easting, 1e-6);
        Assert.Equal($"WGS 84 / UTM zone {zone}N", transform.Name);
    }

    [Theory]
    [MemberData(nameof(EsriPrj.All), MemberType = typeof(EsriPrj))]
    public void AnArcGisPrjResolvesToTheCrsItNames(string prj, int? epsg)
    {
        var listed = Systems.Resolve(epsg is { } code ? $"EPSG:{code}" : "Lao 1997 / UTM zone 48N").Transform!;

        var resolution = Systems.Resolve(prj);

        Assert.True(CoordinateSystems.LooksLikeEsriWkt(prj));
        Assert.True(resolution.Succeeded, resolution.Failure?.Message);
        Assert.Equal(epsg, resolution.Transform.Epsg);
        Assert.Equal(listed.Name, resolution.Transform.Name);
        Assert.Equal(listed.Shift, resolution.Transform.Shift);
        // Same conversion as the listed CRS, on a point of the region.
        var (x, y) = listed.FromWgs84(105.3, 14.2);
        var (lon, lat) = resolution.Transform.ToWgs84(x, y);
        var (listedLon, listedLat) = listed.ToWgs84(x, y);
        Assert.True(Geodesy.DistanceMetres(lon, lat, listedLon, listedLat) < 0.001);
    }

    [Fact]
    public void AnArcGisPrjForIndian1960AgreesWithProj()
    {
        var v = Indian1960Vector;

        var (lon, lat) = Systems.Resolve(EsriPrj.Indian1960Utm48).Transform!.ToWgs84(v.X, v.Y);

        Assert.True(Geodesy.DistanceMetres(lon, lat, v.Lon, v.Lat) < 1.0);
    }

    [Fact]
    public void OgcWktWithAListedEpsgCodeUsesTheListedDefinition()
    {
        var resolution = Systems.Resolve(OgcIndian1960Utm48);

        Assert.False(CoordinateSystems.LooksLikeEsriWkt(OgcIndian1960Utm48));
        Assert.True(CoordinateSystems.LooksLikeWkt(OgcIndian1960Utm48));
        Assert.Same(Systems.Resolve("EPSG:3148").Transform, resolution.Transform);
    }

    [Fact]
    public void Wkt2IsReadByItsTopLevelEpsgId()
    {
        const string wkt2 =
            "PROJCRS[\"Indian 1960 / UTM zone 48N\",BASEGEOGCRS[\"Indian 1960\",DATUM[\"Indian 1960\",ELLIPSOID[\"Everest 1830 (1937 Adjustment)\"," +
            "6377276.345,300.8017,LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4131]]," +
            "CONVERSION[\"UTM zone 48N\",METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]]],CS[Cartesian,2],ID[\"EPSG\",3148]]";

        Assert.Equal(3148, Systems.Resolve(wkt2).Transform?.Epsg);
        var withoutId = Systems.Resolve(wkt2.Replace(",ID[\"EPSG\",3148]]", "]", StringComparison.Ordinal));
        Assert.Equal(CrsFailureCodes.Unsupported, withoutId.Failure?.Code);
    }

    [Theory]
    [InlineData("EPSG:2000", "EPSG:2000")]
    [InlineData("urn:ogc:def:crs:EPSG::99999", "EPSG:99999")]
    [InlineData("Kertau_RSO_Malaya", "Kertau_RSO_Malaya")]
    public void AnUnknownCrsFailsNamingIt(string crs, string named)
    {
        var failure = Systems.Resolve(crs).Failure;

        Assert.Equal(CrsFailureCodes.Unknown, failure?.Code);
        Assert.Contains(named, failure!.Message, StringComparison.Ordinal);
        Assert.Contains("EPSG:3148", failure.Message, StringComparison.Ordinal); // and says what would work
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoCrsIsAFailureNotAnException(string? crs) =>
        Assert.Equal(CrsFailureCodes.Missing, Systems.Resolve(crs).Failure?.Code);

    [Fact]
    public void UnreadableWktIsInvalidNotAnException()
    {
        var failure = Systems.Resolve("PROJCS[\"broken\",GEOGCS[\"x\",DATUM[").Failure;

        Assert.Equal(CrsFailureCodes.Invalid, failure?.Code);
    }

    [Fact]
    public void AKnownDatumOnTheWrongEllipsoidIsInvalid()
    {
        var prj = EsriPrj.Utm("Indian_1960_UTM_Zone_48N", "GCS_Indian_1960", "D_Indian_1960", EsriPrj.Wgs84Spheroid, 48);

        var failure = Systems.Resolve(prj).Failure;

        Assert.Equal(CrsFailureCodes.Invalid, failure?.Code);
        Assert.Contains("Indian 1960", failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherPrimeMeridianIsUnsupported()
    {
        var prj = EsriPrj.Geographic("GCS_Indian_1960", "D_Indian_1960", EsriPrj.Everest).Replace("PRIMEM[\"Greenwich\",0.0]", "PRIMEM[\"Paris\",2.337229166666667]", StringComparison.Ordinal);

        Assert.Equal(CrsFailureCodes.Unsupported, Systems.Resolve(prj).Failure?.Code);
    }

    [Fact]
    public void AProvincialGridOnAKnownDatumIsConvertedWithTheTableShift()
    {
        // VN-2000's provincial grids: Transverse Mercator, k = 0.9999, on their own central meridian; no EPSG code in the .prj.
        var prj = EsriPrj.Utm("TPHCM_VN2000", "GCS_VN_2000", "D_Vietnam_2000", EsriPrj.Wgs84Spheroid, 48)
            .Replace("105.0]", "105.75]", StringComparison.Ordinal).Replace("0.9996", "0.9999", StringComparison.Ordinal);

        var transform = Systems.Resolve(prj).Transform!;

        Assert.Equal("TPHCM_VN2000", transform.Name);
        Assert.Null(transform.Epsg);
        Assert.Equal(DatumShiftTable.Default.Shifts["VN-2000"], transform.Shift);
        var (x, y) = transform.FromWgs84(105.75, 10.78);
        Assert.InRange(x, 500_000 - 300, 500_000 + 300); // on the central meridian, less VN-2000's ~200 m offset from WGS 84
        var (lon, lat) = transform.ToWgs84(x, y);
        Assert.True(Geodesy.DistanceMetres(lon, lat, 105.75, 10.78) < 0.01);
    }
}
