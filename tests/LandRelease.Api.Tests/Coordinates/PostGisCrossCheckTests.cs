using LandRelease.Api.Tests.Infrastructure;
using LandRelease.Domain.Coordinates;
using LandRelease.Domain.Geometry;

namespace LandRelease.Api.Tests.Coordinates;

/// <summary>
/// CoordinateSystems (ProjNet and our datum shifts) agrees within 1 m with PROJ, run by PostGIS's ST_Transform,
/// given the same explicit parameters: the PROJ definitions below are written out here, with their +towgs84,
/// so that PROJ's own choice of transformation (a zero "ballpark" shift for Indian 1960 in Cambodia) plays no part.
/// </summary>
public sealed class PostGisCrossCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Indian1960 = "+towgs84=198,881,317,0,0,0,0";
    private const string Indian1975 = "+towgs84=293,836,318,0.5,1.6,-2.8,2.1";
    private const string Lao1997 = "+towgs84=44.585,-131.212,-39.544,0,0,0,0";
    private const string Vn2000 = "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278";
    private const string Everest = "+a=6377276.345 +rf=300.8017";

    private static readonly CoordinateSystems Systems = new();

    private static readonly double[] Eastings = [260_000, 500_000, 740_000];
    private static readonly double[] Northings = [1_110_000, 1_660_000, 2_210_000];
    private static readonly double[] Longitudes = [100, 104, 108];
    private static readonly double[] Latitudes = [10, 15, 20];

    private static readonly Dictionary<string, string> ProjDefinitions = new()
    {
        { "EPSG:4326", "+proj=longlat +datum=WGS84" },
        { "EPSG:32647", "+proj=utm +zone=47 +datum=WGS84" },
        { "EPSG:32648", "+proj=utm +zone=48 +datum=WGS84" },
        { "EPSG:32649", "+proj=utm +zone=49 +datum=WGS84" },
        { "EPSG:4131", $"+proj=longlat {Everest} {Indian1960}" },
        { "EPSG:3148", $"+proj=utm +zone=48 {Everest} {Indian1960}" },
        { "EPSG:3149", $"+proj=utm +zone=49 {Everest} {Indian1960}" },
        { "EPSG:4240", $"+proj=longlat {Everest} {Indian1975}" },
        { "EPSG:24047", $"+proj=utm +zone=47 {Everest} {Indian1975}" },
        { "EPSG:24048", $"+proj=utm +zone=48 {Everest} {Indian1975}" },
        { "EPSG:4678", $"+proj=longlat +ellps=krass {Lao1997}" },
        { "Lao 1997 / UTM zone 47N", $"+proj=utm +zone=47 +ellps=krass {Lao1997}" },
        { "Lao 1997 / UTM zone 48N", $"+proj=utm +zone=48 +ellps=krass {Lao1997}" },
        { "EPSG:4756", $"+proj=longlat +ellps=WGS84 {Vn2000}" },
        { "EPSG:3405", $"+proj=utm +zone=48 +ellps=WGS84 {Vn2000}" },
        { "EPSG:3406", $"+proj=utm +zone=49 +ellps=WGS84 {Vn2000}" },
    };

    public static TheoryData<string, string> Definitions => new(ProjDefinitions.Select(p => (p.Key, p.Value)));

    [Fact]
    public void EverySupportedCrsIsCrossChecked() =>
        Assert.Equal(CoordinateSystems.Supported.Select(s => s.Identifier).Order(), ProjDefinitions.Keys.Order());

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task ToWgs84AgreesWithPostGis(string crs, string proj)
    {
        var transform = Systems.Resolve(crs).Transform!;
        foreach (var (x, y) in SamplePoints(transform))
        {
            var (lon, lat) = transform.ToWgs84(x, y);

            var postgis = await api.ScalarAsync<double[]>(
                "SELECT ARRAY[ST_X(g), ST_Y(g)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 0), $3, 4326) AS g) AS t", x, y, proj);

            var metres = Geodesy.DistanceMetres(lon, lat, postgis[0], postgis[1]);
            Assert.True(metres < 1.0, $"{crs} ({x}, {y}): ours ({lon:F8}, {lat:F8}), PostGIS ({postgis[0]:F8}, {postgis[1]:F8}): {metres:F3} m apart");
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public async Task FromWgs84AgreesWithPostGis(string crs, string proj)
    {
        var transform = Systems.Resolve(crs).Transform!;
        foreach (var (lon, lat) in SamplePoints(transform).Select(p => transform.ToWgs84(p.X, p.Y)))
        {
            var (x, y) = transform.FromWgs84(lon, lat);

            var postgis = await api.ScalarAsync<double[]>(
                "SELECT ARRAY[ST_X(g), ST_Y(g)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), $3) AS g) AS t", lon, lat, proj);

            var metres = transform.IsProjected
                ? Math.Sqrt((x - postgis[0]) * (x - postgis[0]) + (y - postgis[1]) * (y - postgis[1]))
                : Geodesy.DistanceMetres(x, y, postgis[0], postgis[1]);
            Assert.True(metres < 1.0, $"{crs} from ({lon:F6}, {lat:F6}): ours ({x:F3}, {y:F3}), PostGIS ({postgis[0]:F3}, {postgis[1]:F3}): {metres:F3} m apart");
        }
    }

    [Fact]
    public async Task AnArcGisProvincialGridAgreesWithPostGis()
    {
        // A VN-2000 provincial grid as ArcGIS writes it: no EPSG code, no TOWGS84; the shift comes from the table.
        const string prj =
            "PROJCS[\"TPHCM_VN2000\",GEOGCS[\"GCS_VN_2000\",DATUM[\"D_Vietnam_2000\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]]," +
            "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0]," +
            "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",105.75],PARAMETER[\"Scale_Factor\",0.9999]," +
            "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        var transform = Systems.Resolve(prj).Transform!;
        const double x = 602_345.6, y = 1_191_234.5;

        var (lon, lat) = transform.ToWgs84(x, y);
        var postgis = await api.ScalarAsync<double[]>(
            "SELECT ARRAY[ST_X(g), ST_Y(g)] FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 0), $3, 4326) AS g) AS t",
            x, y, $"+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 {Vn2000}");

        Assert.True(Geodesy.DistanceMetres(lon, lat, postgis[0], postgis[1]) < 1.0);
    }

    /// <summary>Nine points over the region: eastings across a zone, or longitudes 100-108 E; 10-20 N.</summary>
    private static IEnumerable<(double X, double Y)> SamplePoints(CrsTransform transform) =>
        transform.IsProjected
            ? from e in Eastings from n in Northings select (e, n)
            : from lon in Longitudes from lat in Latitudes select (lon, lat);
}
