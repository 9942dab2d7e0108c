namespace LandRelease.Domain.Tests.Coordinates;

using System.Globalization;

/// <summary>.prj texts in the shape ArcGIS writes them: ESRI names, no AUTHORITY, no TOWGS84.</summary>
public static class EsriPrj
{
    public const string Everest = "SPHEROID[\"Everest_Adjustment_1937\",6377276.345,300.8017]";
    public const string Wgs84Spheroid = "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]";
    public const string Krasovsky = "SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]";

    public static string Geographic(string gcs, string datum, string spheroid) =>
        $"GEOGCS[\"{gcs}\",DATUM[\"{datum}\",{spheroid}],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    public static string Utm(string name, string gcs, string datum, string spheroid, int zone) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{Geographic(gcs, datum, spheroid)},PROJECTION[\"Transverse_Mercator\"]," +
            $"PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",{zone * 6 - 183}.0]," +
            $"PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");

    public static readonly string Indian1960Utm48 = Utm("Indian_1960_UTM_Zone_48N", "GCS_Indian_1960", "D_Indian_1960", Everest, 48);

    public static readonly string Wgs84Utm48 = Utm("WGS_1984_UTM_Zone_48N", "GCS_WGS_1984", "D_WGS_1984", Wgs84Spheroid, 48);

    /// <summary>Each ArcGIS .prj with the EPSG code of the CRS it stands for (null: EPSG has none).</summary>
    public static TheoryData<string, int?> All => new()
    {
        { Geographic("GCS_WGS_1984", "D_WGS_1984", Wgs84Spheroid), 4326 },
        { Utm("WGS_1984_UTM_Zone_47N", "GCS_WGS_1984", "D_WGS_1984", Wgs84Spheroid, 47), 32647 },
        { Wgs84Utm48, 32648 },
        { Utm("WGS_1984_UTM_Zone_49N", "GCS_WGS_1984", "D_WGS_1984", Wgs84Spheroid, 49), 32649 },
        { Geographic("GCS_Indian_1960", "D_Indian_1960", Everest), 4131 },
        { Indian1960Utm48, 3148 },
        { Utm("Indian_1960_UTM_Zone_49N", "GCS_Indian_1960", "D_Indian_1960", Everest, 49), 3149 },
        { Geographic("GCS_Indian_1975", "D_Indian_1975", Everest), 4240 },
        { Utm("Indian_1975_UTM_Zone_47N", "GCS_Indian_1975", "D_Indian_1975", Everest, 47), 24047 },
        { Utm("Indian_1975_UTM_Zone_48N", "GCS_Indian_1975", "D_Indian_1975", Everest, 48), 24048 },
        { Geographic("GCS_Lao_1997", "D_Lao_National_Datum_1997", Krasovsky), 4678 },
        { Utm("Lao97_UTM_zone_48", "GCS_Lao_1997", "D_Lao_National_Datum_1997", Krasovsky, 48), null },
        { Geographic("GCS_VN_2000", "D_Vietnam_2000", Wgs84Spheroid), 4756 },
        { Utm("VN_2000_UTM_Zone_48N", "GCS_VN_2000", "D_Vietnam_2000", Wgs84Spheroid, 48), 3405 },
        { Utm("VN_2000_UTM_Zone_49N", "GCS_VN_2000", "D_Vietnam_2000", Wgs84Spheroid, 49), 3406 },
    };
}
