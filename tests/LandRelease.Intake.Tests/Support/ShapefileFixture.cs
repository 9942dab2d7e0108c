using System.Text;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace LandRelease.Intake.Tests.Support;

/// <summary>Shapefiles written by NetTopologySuite.IO.Esri itself, zipped as users upload them.</summary>
internal static class ShapefileFixture
{
    public const string IndianUtm48Prj =
        """PROJCS["Indian_1960_UTM_Zone_48N",GEOGCS["GCS_Indian_1960",DATUM["D_Indian_1960",SPHEROID["Everest_Adjustment_1937",6377276.345,300.8017]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    private static readonly GeometryFactory Factory = new();

    public static Polygon Square(double x, double y, double size, Polygon? hole = null) =>
        Factory.CreatePolygon(
            Factory.CreateLinearRing([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]),
            hole is null ? [] : [(LinearRing)hole.ExteriorRing]);

    public static IFeature Feature(Geometry geometry, string localId, string name, double areaHa, DateTime date) =>
        new Feature(geometry, new AttributesTable
        {
            { "LOCAL_ID", localId }, { "NAME", name }, { "CLASSIF", "CHA" }, { "AREA_HA", areaHa }, { "DATE_INFO", date },
        });

    /// <summary>Writes base.shp/.shx/.dbf (+ .prj, .cpg) to a folder and returns each part's bytes by extension.</summary>
    public static Dictionary<string, byte[]> Write(IReadOnlyList<IFeature> features, string? projection, Encoding? encoding = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "landrelease-intake-fixture-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string shp = Path.Combine(folder, "layer.shp");
            Shapefile.WriteAllFeatures(features, shp, projection, encoding ?? Encoding.UTF8);
            return Directory.GetFiles(folder).ToDictionary(f => Path.GetExtension(f), File.ReadAllBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static byte[] Zip(Dictionary<string, byte[]> parts, string name = "hazards", params string[] without) =>
        Uploads.Zip([.. parts.Where(p => !without.Contains(p.Key)).Select(p => (name + p.Key, p.Value))]);

    public static IFeature[] HazardAreas() =>
    [
        Feature(Square(380000, 1450000, 300, Square(380100, 1450100, 50)), "KHM-BTB-U101", "Ta Krok ត្រពាំង", 9.0, new DateTime(2024, 11, 5)),
        Feature(Factory.CreateMultiPolygon([Square(381000, 1451000, 100), Square(381500, 1451000, 100)]), "KHM-BTB-U102", "Sdau twin fields", 2.0, new DateTime(2025, 1, 20)),
    ];
}
