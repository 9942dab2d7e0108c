// Writes the small upload samples in samples/uploads/: one file per format, an Indian 1960 / UTM 48N shapefile,
// traverse rows, activities and a file of deliberate defects. Deterministic: the same run gives the same files.
//
//   dotnet run samples/uploads/generate-uploads.cs
//
// The hazardous areas are made up (plausible places in Battambang, Banteay Meanchey and Pailin, 0.5-20 ha); their
// localIds (KHM-xxx-1001 and up) do not clash with samples/hazard-areas.geojson (0001-0046). Upload them with
// country=KHM and the organisation each file names (HALO-KHM or MAG-KHM).
#:package Microsoft.Data.Sqlite
#:package NetTopologySuite.IO.Esri.Shapefile
#:package NetTopologySuite.IO.GeoPackage
using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;

namespace LandRelease.Samples.Uploads;

internal sealed record HazardArea(
    string LocalId, string Name, string Classification, string[] Contamination, string Status,
    (string Kind, string Description)[] Evidence, string Date, string Organisation, double[][] Ring)
{
    public string FlatEvidence => string.Join("; ", Evidence.Select(e => $"{e.Kind}: {e.Description}"));
}

internal static class Program
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(false);

    public static int Main(string[] args)
    {
        if (args.Contains("--wgs84"))
        {
            IndianShapefile.PrintPlaces();
            return 0;
        }

        string folder = Folder();
        var random = new Random(20_250_315);
        Directory.SetCurrentDirectory(folder);

        GeoJson("hazard-areas-halo-battambang.geojson", Areas.Battambang(random));
        Kml("hazard-areas-mag-banteay-meanchey.kml", Areas.BanteayMeanchey(random));
        WktCsv("hazard-areas-halo-pailin-wkt.csv", Areas.Pailin(random));
        GeoPackage("hazard-areas-mag-battambang.gpkg", Areas.BattambangMag(random));
        IndianShapefile.Write("hazard-areas-halo-indian1960-utm48n.zip");
        File.WriteAllText("traverses-halo.csv", Traverses.Csv(), Utf8);
        // One file per operator: a field account records only its own organisation's work.
        Activities.Write(Path.Combine(folder, "..", "hazard-areas.geojson"), "HALO-KHM", "activities-halo.geojson");
        Activities.Write(Path.Combine(folder, "..", "hazard-areas.geojson"), "MAG-KHM", "activities-mag.geojson");
        Defects.Write("defects.geojson");
        foreach (string file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".cs", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order())
        {
            Console.WriteLine($"{Path.GetFileName(file),-48} {new FileInfo(file).Length,8} bytes");
        }

        return 0;
    }

    public static string Number(double value) => value.ToString("0.######", Invariant);

    private static void GeoJson(string path, IReadOnlyList<HazardArea> areas) => Uploads.GeoJson.WriteCollection(path, areas, (json, area) =>
    {
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WritePropertyName("geometry");
        Geo.WritePolygon(json, [area.Ring]);
        json.WriteStartObject("properties");
        json.WriteString("localId", area.LocalId);
        json.WriteString("name", area.Name);
        json.WriteString("classification", area.Classification);
        json.WriteStartArray("contamination");
        Array.ForEach(area.Contamination, json.WriteStringValue);
        json.WriteEndArray();
        json.WriteString("status", area.Status);
        json.WriteStartArray("evidence");
        foreach (var (kind, description) in area.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteString("description", description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("dateOfInformation", area.Date);
        json.WriteString("organisation", area.Organisation);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static void Kml(string path, IReadOnlyList<HazardArea> areas)
    {
        using var xml = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = Utf8 });
        const string Ns = "http://www.opengis.net/kml/2.2";
        xml.WriteStartElement("kml", Ns);
        xml.WriteStartElement("Document", Ns);
        xml.WriteElementString("name", Ns, "MAG Cambodia: hazardous areas, Banteay Meanchey");
        foreach (var area in areas)
        {
            xml.WriteStartElement("Placemark", Ns);
            xml.WriteElementString("name", Ns, area.Name);
            xml.WriteStartElement("ExtendedData", Ns);
            foreach (var (name, value) in new[]
                     {
                         ("localId", area.LocalId), ("classification", area.Classification), ("contamination", string.Join(",", area.Contamination)),
                         ("status", area.Status), ("evidence", area.FlatEvidence), ("dateOfInformation", area.Date), ("organisation", area.Organisation),
                     })
            {
                xml.WriteStartElement("Data", Ns);
                xml.WriteAttributeString("name", name);
                xml.WriteElementString("value", Ns, value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteStartElement("Polygon", Ns);
            xml.WriteStartElement("outerBoundaryIs", Ns);
            xml.WriteStartElement("LinearRing", Ns);
            xml.WriteElementString("coordinates", Ns, string.Join(" ", area.Ring.Select(p => $"{Number(p[0])},{Number(p[1])}")));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WktCsv(string path, IReadOnlyList<HazardArea> areas)
    {
        var csv = new StringBuilder("localId,name,classification,contamination,status,evidence,dateOfInformation,organisation,wkt\n");
        foreach (var a in areas)
        {
            string wkt = "POLYGON ((" + string.Join(", ", a.Ring.Select(p => $"{Number(p[0])} {Number(p[1])}")) + "))";
            csv.AppendJoin(',', new[] { a.LocalId, a.Name, a.Classification, string.Join(",", a.Contamination), a.Status, a.FlatEvidence, a.Date, a.Organisation, wkt }.Select(Quote)).Append('\n');
        }

        File.WriteAllText(path, csv.ToString(), Utf8);
    }

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void GeoPackage(string path, IReadOnlyList<HazardArea> areas)
    {
        File.Delete(path);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Gpkg.CreateCatalog(connection);
            Gpkg.CreateTable(connection, "hazard_areas", "local_id TEXT, name TEXT, classification TEXT, contamination TEXT, status TEXT, evidence TEXT, date_of_information DATE, organisation TEXT");
            var writer = new GeoPackageGeoWriter();
            var factory = new GeometryFactory(new PrecisionModel(), 4326);
            foreach (var a in areas)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO hazard_areas (geom, local_id, name, classification, contamination, status, evidence, date_of_information, organisation) VALUES ($g, $1, $2, $3, $4, $5, $6, $7, $8)";
                insert.Parameters.AddWithValue("$g", writer.Write(factory.CreatePolygon([.. a.Ring.Select(p => new Coordinate(p[0], p[1]))])));
                object[] values = [a.LocalId, a.Name, a.Classification, string.Join(",", a.Contamination), a.Status, a.FlatEvidence, a.Date, a.Organisation];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters.AddWithValue($"${i + 1}", values[i]);
                }

                insert.ExecuteNonQuery();
            }

            using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM";
            vacuum.ExecuteNonQuery();
        }
    }

    private static string Folder([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) is { Length: > 0 } directory && Directory.Exists(directory)
            ? directory
            : Path.Combine(Directory.GetCurrentDirectory(), "samples", "uploads");
}

/// <summary>Plane geometry in metres around a centre, turned into degrees near it; good to a few cm over 1 km.</summary>
internal static class Geo
{
    public static (double PerLon, double PerLat) MetresPerDegree(double lat)
    {
        double phi = lat * Math.PI / 180;
        return (111_412.84 * Math.Cos(phi) - 93.5 * Math.Cos(3 * phi), 111_132.92 - 559.82 * Math.Cos(2 * phi));
    }

    public static double[][] ToDegrees(double lon, double lat, IEnumerable<(double X, double Y)> metres)
    {
        var (perLon, perLat) = MetresPerDegree(lat);
        return [.. metres.Select(p => new[] { Math.Round(lon + p.X / perLon, 6), Math.Round(lat + p.Y / perLat, 6) })];
    }

    /// <summary>A simple counter-clockwise ring: vertices at increasing angles around the centre, scaled to the area.</summary>
    public static double[][] Star(Random random, double lon, double lat, double hectares, int vertices)
    {
        var gaps = Enumerable.Range(0, vertices).Select(_ => 0.75 + random.NextDouble() * 0.5).ToArray();
        var points = new List<(double X, double Y)>();
        double angle = random.NextDouble() * Math.PI;
        foreach (double gap in gaps)
        {
            double radius = 0.8 + random.NextDouble() * 0.4;
            points.Add((radius * Math.Cos(angle), 0.7 * radius * Math.Sin(angle)));
            angle += gap / gaps.Sum() * 2 * Math.PI;
        }

        double scale = Math.Sqrt(hectares * 10_000 / Area(points));
        var ring = ToDegrees(lon, lat, points.Select(p => (p.X * scale, p.Y * scale))).ToList();
        ring.Add(ring[0]);
        return [.. ring];
    }

    public static double Area(IReadOnlyList<(double X, double Y)> ring) =>
        Math.Abs(Enumerable.Range(0, ring.Count).Sum(i => ring[i].X * ring[(i + 1) % ring.Count].Y - ring[(i + 1) % ring.Count].X * ring[i].Y)) / 2;

    public static void WritePolygon(Utf8JsonWriter json, IEnumerable<double[][]> rings)
    {
        json.WriteStartObject();
        json.WriteString("type", "Polygon");
        json.WriteStartArray("coordinates");
        foreach (var ring in rings)
        {
            json.WriteStartArray();
            foreach (var p in ring)
            {
                json.WriteStartArray();
                json.WriteRawValue(Program.Number(p[0]));
                json.WriteRawValue(Program.Number(p[1]));
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>The hazardous areas of each sample, described by hand; only their outlines are drawn at random.</summary>
internal static class Areas
{
    public static HazardArea[] Battambang(Random r) =>
    [
        Area(r, "KHM-BTB-1001", "Kamrieng cassava field east", "CHA", ["AP_MINE"], "OPEN", [("DIRECT", "PMN-2 found by a farmer clearing cassava, 2024")], "2025-01-14", "HALO-KHM", 102.52, 13.10, 6.5),
        Area(r, "KHM-BTB-1002", "Phnom Proek ridge", "SHA", ["AP_MINE", "OTHER_ERW"], "OPEN", [("INDIRECT", "Fighting positions on the ridge until 1998 (village elder)")], "2025-01-20", "HALO-KHM", 102.62, 13.33, 14.0),
        Area(r, "KHM-BTB-1003", "Sampov Lun stream crossing", "CHA", ["AV_MINE"], "OPEN", [("DIRECT", "Tractor destroyed by an AV mine, 2023"), ("INDIRECT", "Crossing avoided by ox-carts since 2023")], "2025-02-02", "HALO-KHM", 102.45, 13.42, 2.2),
        Area(r, "KHM-BTB-1004", "Ta Kream canal bank", "SHA", ["OTHER_ERW"], "OPEN", [("INDIRECT", "Mortar bombs reported along the canal by fishermen")], "2025-02-10", "HALO-KHM", 102.95, 13.02, 0.8),
        Area(r, "KHM-BTB-1005", "Samlout forest edge", "CHA", ["AP_MINE"], "WORKED_ON", [("DIRECT", "Mine accident: wood collector injured, 2022")], "2025-02-18", "HALO-KHM", 102.80, 12.86, 18.5),
    ];

    public static HazardArea[] BanteayMeanchey(Random r) =>
    [
        Area(r, "KHM-BMC-1001", "Malai hill slope", "SHA", ["AP_MINE"], "OPEN", [("INDIRECT", "Former soldier says the slope was mined in 1989")], "2024-11-03", "MAG-KHM", 102.62, 13.48, 9.0),
        Area(r, "KHM-BMC-1002", "O Chrov rice field", "CHA", ["AP_MINE"], "OPEN", [("DIRECT", "Type 72A found while ploughing, 2024")], "2024-11-09", "MAG-KHM", 102.70, 13.58, 3.4),
        Area(r, "KHM-BMC-1003", "Thma Puok trench line", "CHA", ["AP_MINE", "OTHER_ERW"], "OPEN", [("DIRECT", "Hand grenades found in an old trench, 2024")], "2024-12-01", "MAG-KHM", 103.05, 13.88, 11.2),
        Area(r, "KHM-BMC-1004", "Svay Chek pond", "SHA", ["CLUSTER_MUNITION"], "OPEN", [("INDIRECT", "Submunitions reported after border shelling (commune chief)")], "2024-12-12", "MAG-KHM", 102.95, 13.80, 1.1),
    ];

    public static HazardArea[] Pailin(Random r) =>
    [
        Area(r, "KHM-PLN-1001", "Sala Krau cashew plantation", "CHA", ["AP_MINE"], "OPEN", [("DIRECT", "POMZ-2 stake mine found at the plantation edge, 2024")], "2025-03-01", "HALO-KHM", 102.58, 12.95, 7.7),
        Area(r, "KHM-PLN-1002", "Stueng Trang hill slope, north", "SHA", ["AP_MINE", "AV_MINE"], "OPEN", [("INDIRECT", "Land unused since 1998 for fear of mines (\"no one goes there\")")], "2025-03-04", "HALO-KHM", 102.66, 12.88, 4.9),
        Area(r, "KHM-PLN-1003", "Ou Tavau former KR camp", "CHA", ["AP_MINE"], "WORKED_ON", [("DIRECT", "Two PMN-2 found by an EOD team, 2023")], "2025-03-06", "HALO-KHM", 102.56, 12.84, 12.3),
    ];

    public static HazardArea[] BattambangMag(Random r) =>
    [
        Area(r, "KHM-BTB-1011", "Ou Da bamboo thicket", "SHA", ["AP_MINE"], "OPEN", [("INDIRECT", "Cattle losses reported by the village chief")], "2024-10-21", "MAG-KHM", 103.10, 13.20, 5.6),
        Area(r, "KHM-BTB-1012", "Trang maize field", "CHA", ["AV_MINE"], "OPEN", [("DIRECT", "TM-46 found at the field road, 2024")], "2024-10-25", "MAG-KHM", 103.15, 12.95, 16.4),
        Area(r, "KHM-BTB-1013", "Boeung Pring grazing land", "SHA", ["OTHER_ERW"], "OPEN", [("INDIRECT", "Shells seen after burning (herders)")], "2024-11-02", "MAG-KHM", 102.90, 13.25, 0.6),
        Area(r, "KHM-BTB-1014", "Chamkar Lhong old village site", "CHA", ["AP_MINE"], "OPEN", [("DIRECT", "PMN found by a child, 2024")], "2024-11-15", "MAG-KHM", 103.00, 13.45, 8.8),
    ];

    private static HazardArea Area(
        Random r, string localId, string name, string classification, string[] contamination, string status,
        (string, string)[] evidence, string date, string organisation, double lon, double lat, double hectares) =>
        new(localId, name, classification, contamination, status, evidence, date, organisation, Geo.Star(r, lon, lat, hectares, r.Next(6, 11)));
}

/// <summary>The GeoPackage's own tables, as GDAL writes them, and a feature table registered in them.</summary>
internal static class Gpkg
{
    public static void CreateCatalog(SqliteConnection connection) => Execute(connection, """
        PRAGMA application_id = 1196444487;
        PRAGMA user_version = 10300;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES
          ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
          ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
          ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', NULL);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
          description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
          srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
        """);

    public static void CreateTable(SqliteConnection connection, string table, string columns) => Execute(connection, $"""
        CREATE TABLE {table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, {columns});
        INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, srs_id) VALUES ('{table}', 'features', '{table}', '2025-03-15T00:00:00.000Z', 4326);
        INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'POLYGON', 4326, 0, 0);
        """);

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A shapefile as an ArcGIS user in Cambodia exports it from the 1:50k map grid: Indian 1960 / UTM zone 48N, with
/// an ESRI .prj that names the datum but carries no shift and no EPSG code, and 10-character DBF field names.
/// </summary>
internal static class IndianShapefile
{
    public const string Prj =
        """PROJCS["Indian_1960_UTM_Zone_48N",GEOGCS["GCS_Indian_1960",DATUM["D_Indian_1960",SPHEROID["Everest_Adjustment_1937",6377276.345,300.8017]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";

    /// <summary>The intended places, in WGS 84. Drawn with their own seed so the other samples can change freely.</summary>
    public static HazardArea[] Places()
    {
        var r = new Random(1960);
        return
        [
            Area("KHM-PLN-1011", "Bor Yakha ridge", "CHA", ["AP_MINE"], [("DIRECT", "PMN-2 found by a villager, 2024")], "2025-02-25", Geo.Star(r, 102.70, 12.92, 10.5, 8)),
            Area("KHM-PLN-1012", "Phsar Prum border road verge", "CHA", ["AV_MINE", "AP_MINE"], [("DIRECT", "TM-57 reported by a farmer, 2023"), ("INDIRECT", "Road mined in the 1990s (district police)")], "2025-02-26", Geo.Star(r, 102.62, 12.80, 3.3, 7)),
            Area("KHM-PLN-1013", "Tuol Lvea mango orchard", "SHA", ["OTHER_ERW"], [("INDIRECT", "Old firing position in the orchard (owner)")], "2025-02-27", Geo.Star(r, 102.75, 12.98, 1.4, 6)),
            Area("KHM-BTB-1021", "Kdol Tahen school path", "SHA", ["AP_MINE"], [("INDIRECT", "Children told to keep to the path since 2000")], "2025-02-28", Geo.Star(r, 102.85, 13.05, 0.9, 9)),
        ];
    }

    /// <summary>
    /// The same rings on the Indian 1960 / UTM 48N grid, converted with PostGIS 3.3 (PROJ 9.1.1):
    /// ST_Transform(ring, '+proj=longlat +datum=WGS84', '+proj=utm +zone=48 +a=6377276.345 +rf=300.8017
    /// +towgs84=198,881,317,0,0,0,0 +units=m'), rounded to the millimetre; README.md has the query to check them.
    /// </summary>
    public static readonly Dictionary<string, double[][]> Grid = new()
    {
        ["KHM-BTB-1021"] = [[267234.906, 1443377.007], [267201.834, 1443340.878], [267220.067, 1443315.935], [267239.660, 1443297.841], [267286.262, 1443278.965], [267314.254, 1443304.623], [267342.548, 1443327.402], [267327.601, 1443355.969], [267296.740, 1443375.929], [267234.906, 1443377.007]],
        ["KHM-PLN-1011"] = [[250888.432, 1429224.113], [250719.136, 1429206.929], [250601.176, 1429079.495], [250739.318, 1428976.100], [250914.327, 1428940.109], [251080.207, 1428951.569], [251069.563, 1429084.143], [251088.553, 1429192.102], [250888.432, 1429224.113]],
        ["KHM-PLN-1012"] = [[241965.588, 1415934.268], [241946.909, 1415875.779], [242010.415, 1415812.660], [242114.097, 1415783.371], [242183.447, 1415847.813], [242174.675, 1415945.071], [242075.109, 1415984.837], [241965.588, 1415934.268]],
        ["KHM-PLN-1013"] = [[256242.870, 1435678.956], [256312.518, 1435626.215], [256386.844, 1435624.009], [256441.653, 1435660.822], [256390.976, 1435723.246], [256298.962, 1435725.828], [256242.870, 1435678.956]],
    };

    public static void Write(string zipPath)
    {
        var places = Places();
        if (places.Any(p => !Grid.ContainsKey(p.LocalId) || Grid[p.LocalId].Length != p.Ring.Length))
        {
            throw new InvalidOperationException("The grid rings are out of date: run with --wgs84 and convert them again.");
        }

        var factory = new GeometryFactory();
        var features = places.Select(p => (IFeature)new Feature(
            factory.CreatePolygon([.. Grid[p.LocalId].Select(c => new Coordinate(c[0], c[1]))]),
            new AttributesTable
            {
                { "LOCAL_ID", p.LocalId }, { "NAME", p.Name }, { "CLASSIF", p.Classification }, { "CONTAMIN", string.Join(",", p.Contamination) },
                { "STATUS", p.Status }, { "EVIDENCE", p.FlatEvidence }, { "DATE_INFO", DateTime.Parse(p.Date, CultureInfo.InvariantCulture) }, { "ORG", p.Organisation },
            })).ToList();

        string folder = Directory.CreateTempSubdirectory("landrelease-shp-").FullName;
        try
        {
            Shapefile.WriteAllFeatures(features, Path.Combine(folder, "hazard_areas_indian1960.shp"), Prj, Encoding.UTF8);
            File.Delete(zipPath);
            using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
            foreach (string file in Directory.GetFiles(folder).Order())
            {
                var entry = zip.CreateEntry(Path.GetFileName(file));
                entry.LastWriteTime = new DateTimeOffset(2025, 3, 15, 0, 0, 0, TimeSpan.Zero);
                using var target = entry.Open();
                target.Write(File.ReadAllBytes(file));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The places as SQL rows, to convert with the query in README.md.</summary>
    public static void PrintPlaces()
    {
        foreach (var p in Places())
        {
            Console.WriteLine($"('{p.LocalId}', 'POLYGON(({string.Join(", ", p.Ring.Select(c => $"{Program.Number(c[0])} {Program.Number(c[1])}"))}))'),");
        }
    }

    private static HazardArea Area(string localId, string name, string classification, string[] contamination, (string, string)[] evidence, string date, double[][] ring) =>
        new(localId, name, classification, contamination, "OPEN", evidence, date, "HALO-KHM", ring);
}

/// <summary>
/// Three traverses as a survey team records them: the reference point's coordinates, then a bearing and a distance
/// per leg, RP -> BM -> TP1 ... TPn -> TP1. Each is drawn in metres east/north of its RP (true north), then written
/// as the team would read its instrument: magnetic degrees, grid mils or true degrees, rounded as read.
/// </summary>
internal static class Traverses
{
    private sealed record Design(
        string LocalId, string X, string Y, string Crs, double Longitude, double Latitude, string Unit, string Reference, double? Declination,
        (double E, double N)[] Points, string Name, string Classification, string Contamination, string Evidence, string Date);

    private static readonly Design[] Designs =
    [
        new("KHM-BTB-1031", "102.98", "13.12", "EPSG:4326", 102.98, 13.12, "DEGREES", "MAGNETIC", -0.4,
            [(0, 0), (40, 70), (50, 95), (210, 120), (235, 10), (80, -15)],
            "Ta Sanh road embankment", "CHA", "AV_MINE", "DIRECT: TM-46 found at the road verge, 2024", "2025-03-10"),
        new("KHM-BMC-1031", "267423.911", "1510048.733", "EPSG:32648", 102.85, 13.65, "MILS", "GRID", null,
            [(0, 0), (-50, 60), (-60, 85), (-200, 120), (-230, 260), (-90, 300), (-40, 180)],
            "Kouk Romiet pagoda land", "SHA", "AP_MINE", "INDIRECT: Villagers avoid the field behind the pagoda since 1990", "2025-03-11"),
        new("KHM-PLN-1031", "244360.393", "1430251.614", "EPSG:3148", 102.64, 12.93, "DEGREES", "TRUE", null,
            [(0, 0), (80, -40), (100, -55), (100, -175), (230, -190), (220, -60)],
            "Ou Andoung hill slope", "CHA", "AP_MINE", "DIRECT: PMN-2 found by a wood collector, 2024", "2025-03-12"),
    ];

    public static string Csv()
    {
        var csv = new StringBuilder("local_id,point,x,y,crs,bearing,distance_m,angle_unit,bearing_reference,declination_deg,name,classification,contamination,status,evidence,dateOfInformation,organisation\n");
        foreach (var d in Designs)
        {
            string declination = d.Declination is { } dec ? Program.Number(dec) : "";
            csv.Append($"{d.LocalId},RP,{d.X},{d.Y},{d.Crs},,,{d.Unit},{d.Reference},{declination},{Program.Quote(d.Name)},{d.Classification},{Program.Quote(d.Contamination)},OPEN,{Program.Quote(d.Evidence)},{d.Date},HALO-KHM\n");
            var names = new List<string> { "RP", "BM" };
            names.AddRange(Enumerable.Range(1, d.Points.Length - 2).Select(i => $"TP{i}"));
            var route = d.Points.Append(d.Points[2]).ToArray();
            var walked = (E: 0.0, N: 0.0);
            var firstTurningPoint = walked;
            for (var i = 1; i < route.Length; i++)
            {
                double trueBearing = (Math.Atan2(route[i].E - route[i - 1].E, route[i].N - route[i - 1].N) * 180 / Math.PI + 360) % 360;
                double distance = Math.Round(Math.Sqrt(Math.Pow(route[i].E - route[i - 1].E, 2) + Math.Pow(route[i].N - route[i - 1].N, 2)), 1);
                double read = Read(d, trueBearing);
                csv.Append($"{d.LocalId},{(i < names.Count ? names[i] : "TP1")},,,,{Program.Number(read)},{Program.Number(distance)},,,,,,,,,,\n");
                double back = ToTrueDegrees(d, read) * Math.PI / 180;
                walked = (walked.E + distance * Math.Sin(back), walked.N + distance * Math.Cos(back));
                if (i == 2)
                {
                    firstTurningPoint = walked;
                }
            }

            double misclosure = Math.Sqrt(Math.Pow(walked.E - firstTurningPoint.E, 2) + Math.Pow(walked.N - firstTurningPoint.N, 2));
            Console.WriteLine($"traverse {d.LocalId}: {d.Unit} {d.Reference}, misclosure from rounding the readings {misclosure:0.000} m");
        }

        return csv.ToString();
    }

    /// <summary>What the instrument shows: magnetic = true - declination; grid = true - convergence at the RP.</summary>
    private static double Read(Design d, double trueDegrees)
    {
        double degrees = (d.Reference switch
        {
            "MAGNETIC" => trueDegrees - d.Declination!.Value,
            "GRID" => trueDegrees - Convergence(d),
            _ => trueDegrees,
        } + 360) % 360;
        return d.Unit == "MILS" ? Math.Round(degrees * 6400 / 360) % 6400 : Math.Round(degrees, 1) % 360;
    }

    private static double ToTrueDegrees(Design d, double read)
    {
        double degrees = d.Unit == "MILS" ? read * 360 / 6400 : read;
        return d.Reference switch
        {
            "MAGNETIC" => degrees + d.Declination!.Value,
            "GRID" => degrees + Convergence(d),
            _ => degrees,
        };
    }

    /// <summary>UTM zone 48 (central meridian 105°E): the true azimuth of grid north, to first order.</summary>
    private static double Convergence(Design d) =>
        Math.Atan(Math.Tan((d.Longitude - 105) * Math.PI / 180) * Math.Sin(d.Latitude * Math.PI / 180)) * 180 / Math.PI;
}

/// <summary>
/// Survey and clearance results for areas of samples/hazard-areas.geojson, linked by hazardAreaLocalId. Each worked
/// area is its hazardous area shrunk towards its centre, so it and every outcome lie inside.
/// </summary>
internal static class Activities
{
    private sealed record Plan(
        string LocalId, string Area, string Type, string Organisation, string Method, string Start, string End, string Status,
        double Shrink, string Kind, string Part, (string Type, int Found, int Destroyed)[] Devices);

    private static readonly Plan[] Plans =
    [
        new("KHM-ACT-1001", "KHM-BTB-0004", "NTS", "HALO-KHM", "Non-technical survey: community meeting, field walk with the village chief", "2025-02-03", "2025-02-05", "COMPLETED", 0.95, "CANCELLED", "all", []),
        new("KHM-ACT-1002", "KHM-BTB-0029", "TS", "HALO-KHM", "Technical survey: manual and detector lanes, 1 m wide every 10 m", "2025-02-10", "2025-02-21", "COMPLETED", 0.9, "REDUCED", "north", []),
        new("KHM-ACT-1003", "KHM-BTB-0028", "CLEARANCE", "MAG-KHM", "Manual clearance with detectors to 13 cm, mechanical ground preparation", "2025-01-06", "2025-03-14", "COMPLETED", 0.9, "CLEARED", "all", [("AP_MINE", 7, 7), ("OTHER_ERW", 1, 1)]),
        new("KHM-ACT-1004", "KHM-BTB-0037", "CLEARANCE", "MAG-KHM", "Mechanical clearance (flail) followed by manual verification", "2025-02-17", "2025-03-13", "ONGOING", 0.85, "CLEARED", "south", [("AV_MINE", 1, 1), ("AP_MINE", 3, 3)]),
    ];

    public static void Write(string hazardAreas, string organisation, string path)
    {
        using var register = JsonDocument.Parse(File.ReadAllBytes(hazardAreas));
        var factory = new GeometryFactory(new PrecisionModel(1e6), 4326);
        GeoJson.WriteCollection(path, [.. Plans.Where(p => p.Organisation == organisation)], (json, plan) =>
        {
            var feature = register.RootElement.GetProperty("features").EnumerateArray()
                .Single(f => f.GetProperty("properties").GetProperty("localId").GetString() == plan.Area);
            var area = factory.CreatePolygon([.. feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))]);
            var centre = area.Centroid.Coordinate;
            var worked = Inside(area, NetTopologySuite.Geometries.Utilities.AffineTransformation.ScaleInstance(plan.Shrink, plan.Shrink, centre.X, centre.Y).Transform(area));
            var box = worked.EnvelopeInternal;
            var outcome = plan.Part switch
            {
                "north" => worked.Intersection(factory.ToGeometry(new Envelope(box.MinX, box.MaxX, centre.Y, box.MaxY))),
                "south" => worked.Intersection(factory.ToGeometry(new Envelope(box.MinX, box.MaxX, box.MinY, centre.Y))),
                _ => worked,
            };
            var (_, perLat) = Geo.MetresPerDegree(centre.Y);
            var reference = factory.CreatePoint(new Coordinate(Math.Round(centre.X, 6), Math.Round(box.MinY - (120 / perLat), 6)));

            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WritePropertyName("geometry");
            GeoJson.Write(json, worked);
            json.WriteStartObject("properties");
            json.WriteString("localId", plan.LocalId);
            json.WriteString("hazardAreaLocalId", plan.Area);
            json.WriteString("type", plan.Type);
            json.WriteString("organisation", plan.Organisation);
            json.WriteString("method", plan.Method);
            json.WriteString("startDate", plan.Start);
            json.WriteString("endDate", plan.End);
            json.WriteString("status", plan.Status);
            json.WriteString("dateOfInformation", plan.End);
            json.WritePropertyName("referencePoint");
            GeoJson.Write(json, reference);
            json.WriteStartArray("devices");
            foreach (var (type, found, destroyed) in plan.Devices)
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteNumber("found", found);
                json.WriteNumber("destroyed", destroyed);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("proposedOutcomes");
            json.WriteStartObject();
            json.WriteString("kind", plan.Kind);
            json.WritePropertyName("geometry");
            GeoJson.Write(json, Inside(area, outcome));
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private static Geometry Inside(Geometry area, Geometry part)
    {
        var rounded = NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(part, new PrecisionModel(1e6));
        return rounded.IsValid && rounded.Within(area.Buffer(1e-6))
            ? rounded
            : throw new InvalidOperationException("A worked area or outcome does not lie inside its hazardous area.");
    }
}

/// <summary>GeoJSON text for the few types the samples use, six decimals (about 0.1 m), one feature a line.</summary>
internal static class GeoJson
{
    public static void WriteCollection<T>(string path, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeFeature)
    {
        var lines = items.Select(item =>
        {
            var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                writeFeature(json, item);
            }

            return "    " + Encoding.UTF8.GetString(buffer.ToArray());
        });
        File.WriteAllText(path, "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n" + string.Join(",\n", lines) + "\n  ]\n}\n", new UTF8Encoding(false));
    }

    public static void Write(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        json.WritePropertyName("coordinates");
        Coordinates(json, geometry);
        json.WriteEndObject();
    }

    private static void Coordinates(Utf8JsonWriter json, Geometry geometry)
    {
        switch (geometry)
        {
            case Point point:
                Position(json, point.Coordinate);
                break;
            case Polygon polygon:
                json.WriteStartArray();
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    json.WriteStartArray();
                    Array.ForEach(ring.Coordinates, c => Position(json, c));
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                break;
            case MultiPolygon multi:
                json.WriteStartArray();
                foreach (var part in multi.Geometries)
                {
                    Coordinates(json, part);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"No GeoJSON writer for {geometry.GeometryType}", nameof(geometry));
        }
    }

    private static void Position(Utf8JsonWriter json, Coordinate c)
    {
        json.WriteStartArray();
        json.WriteRawValue(Program.Number(c.X));
        json.WriteRawValue(Program.Number(c.Y));
        json.WriteEndArray();
    }
}

/// <summary>
/// One feature per upload defect (DOMAIN.md), each hitting its rule and nothing else; "expected" names the rule the
/// upload report should quote. Shapes are drawn in metres around a centre in Battambang.
/// </summary>
internal static class Defects
{
    private sealed record Defect(string? LocalId, string Expected, string Classification, double Lon, double Lat, (double X, double Y)[] Metres, bool Swap = false);

    private static readonly (double, double)[] Square = [(0, 0), (150, 0), (150, 150), (0, 150), (0, 0)];

    private static readonly Defect[] All =
    [
        new("KHM-BTB-1901", "too-few-vertices", "SHA", 103.30, 13.10, [(0, 0), (150, 0), (0, 0), (150, 0), (0, 0)]),
        new("KHM-BTB-1902", "invalid-geometry (self-intersection)", "SHA", 103.33, 13.10, [(0, 0), (150, 150), (150, 0), (0, 150), (0, 0)]),
        new("KHM-BTB-1903", "duplicate-vertices (warning: fixed and accepted)", "SHA", 103.36, 13.10, [(0, 0), (150, 0), (150, 0), (150, 150), (0, 150), (0, 0)]),
        new("KHM-BTB-1904", "spike (warning)", "SHA", 103.39, 13.10, [(0, 0), (150, 0), (350, 0), (150, 0.6), (150, 150), (0, 150), (0, 0)]),
        new("KHM-BTB-1905", "long-edge (warning: two edges of 6 km)", "SHA", 103.30, 13.16, [(0, 0), (6000, 0), (6000, 100), (0, 100), (0, 0)]),
        new("KHM-BTB-1906", "swapped-coordinates", "SHA", 102.90, 13.15, Square, Swap: true),
        new("KHM-BTB-1907", "outside-country (Thailand, west of Poipet)", "SHA", 102.30, 13.70, Square),
        new("KHM-BTB-1908", "zero-area", "SHA", 103.42, 13.10, [(0, 0), (75, 0), (150, 0), (0, 0)]),
        new("KHM-BTB-1909", "unknown classification 'XHA'", "XHA", 103.45, 13.10, Square),
        new(null, "missing localId", "SHA", 103.48, 13.10, Square),
    ];

    public static void Write(string path) => GeoJson.WriteCollection(path, All, (json, d) =>
    {
        var ring = Geo.ToDegrees(d.Lon, d.Lat, d.Metres);
        json.WriteStartObject();
        json.WriteString("type", "Feature");
        json.WritePropertyName("geometry");
        Geo.WritePolygon(json, [d.Swap ? [.. ring.Select(p => new[] { p[1], p[0] })] : ring]);
        json.WriteStartObject("properties");
        if (d.LocalId is not null)
        {
            json.WriteString("localId", d.LocalId);
        }

        json.WriteString("name", $"Defect sample: {d.Expected}");
        json.WriteString("classification", d.Classification);
        json.WriteStartArray("contamination");
        json.WriteStringValue("AP_MINE");
        json.WriteEndArray();
        json.WriteString("status", "OPEN");
        json.WriteString("dateOfInformation", "2025-03-15");
        json.WriteString("organisation", "HALO-KHM");
        json.WriteString("expected", d.Expected);
        json.WriteEndObject();
        json.WriteEndObject();
    });
}
