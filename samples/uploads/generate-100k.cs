// Writes a large upload for the benchmark: N hazardous areas as a GeoJSON FeatureCollection and as a GeoPackage
// (the same polygons in both), streamed to disk so memory stays flat whatever N is.
//
//   dotnet run samples/uploads/generate-100k.cs -- --count 100000 --out /tmp/bench
//     [--seed 20251130] [--organisation HALO-KHM] [--formats geojson,gpkg]
//
// Every polygon is valid (vertices at increasing angles around a centre, counter-clockwise), 0.5-20 ha (smaller
// when N is so large that they must be packed tighter), and lies at least 2 km inside mainland Cambodia (the
// boundary the API itself loads). Each sits in its own grid slot, so none overlap, except 3% of slots that hold
// a second polygon overlapping the first: the merge must cope with overlaps. Same seed, same files.
#:package Microsoft.Data.Sqlite
#:package NetTopologySuite.IO.GeoPackage
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace LandRelease.Samples.Uploads;

internal static class Program
{
    private const double InsideDegrees = 0.02;
    private const double OverlapShare = 0.03;
    private static readonly string[] Contaminations = ["AP_MINE", "AV_MINE", "CLUSTER_MUNITION", "OTHER_ERW"];
    private static readonly string[] Features = ["rice field", "forest edge", "canal bank", "hill slope", "trench line", "cassava field", "pond", "road verge"];

    public static int Main(string[] args)
    {
        int count = int.Parse(Option(args, "--count") ?? "100000", CultureInfo.InvariantCulture);
        string output = Option(args, "--out") ?? ".";
        int seed = int.Parse(Option(args, "--seed") ?? "20251130", CultureInfo.InvariantCulture);
        string organisation = Option(args, "--organisation") ?? "HALO-KHM";
        string[] formats = (Option(args, "--formats") ?? "geojson,gpkg").Split(',');
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();

        var mainland = Mainland(BoundaryFile());
        var slots = Slots(mainland, count, new Random(seed), out double slotDegrees);
        double reachMetres = slotDegrees * 111_000 * 0.33;
        double maxHectares = Math.Min(20, Math.PI * reachMetres * reachMetres * 0.45 / 10_000);

        var random = new Random(seed);
        using var geojson = formats.Contains("geojson") ? new GeoJsonOut(Path.Combine(output, $"hazard-areas-{Label(count)}.geojson")) : null;
        using var gpkg = formats.Contains("gpkg") ? new GeoPackageOut(Path.Combine(output, $"hazard-areas-{Label(count)}.gpkg")) : null;
        var written = 0;
        var overlapping = 0;
        foreach (var (lon, lat) in slots)
        {
            int here = written + 1 < count && random.NextDouble() < OverlapShare ? 2 : 1;
            double shift = 0;
            for (var k = 0; k < here && written < count; k++)
            {
                var ring = Star(random, lon + shift, lat, reachMetres, maxHectares);
                // A slot's second polygon is centred on the first one's eastern part, so the two overlap.
                shift = 0.2 * (ring.Where((_, i) => i % 2 == 0).Max() - ring.Where((_, i) => i % 2 == 0).Min());
                var area = Describe(random, written, organisation);
                geojson?.Write(ring, area);
                gpkg?.Write(ring, area);
                written++;
                overlapping += here - 1;
            }
        }

        Console.WriteLine($"Wrote {written} hazardous areas ({overlapping} in overlapping pairs, slots of {slotDegrees * 111:0.00} km, "
            + $"up to {maxHectares:0.0} ha) to {Path.GetFullPath(output)} in {clock.Elapsed.TotalSeconds:0.0} s.");
        return written == count ? 0 : 1;
    }

    private sealed record Area(string LocalId, string Name, string Classification, string[] Contamination, string Status, string EvidenceKind, string Evidence, string Date, string Organisation);

    private static Area Describe(Random random, int index, string organisation)
    {
        bool direct = random.NextDouble() < 0.4;
        var contamination = Contaminations.Where((_, i) => random.NextDouble() < (i == 0 ? 0.7 : 0.2)).DefaultIfEmpty("AP_MINE").ToArray();
        var date = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 3650));
        return new Area(
            $"KHM-GEN-{index + 1:0000000}",
            $"Generated {Features[random.Next(Features.Length)]} {index + 1}",
            direct ? "CHA" : "SHA",
            contamination,
            random.NextDouble() < 0.8 ? "OPEN" : "WORKED_ON",
            direct ? "DIRECT" : "INDIRECT",
            direct ? $"{contamination[0]} found, {date.Year}" : "Villagers report the area was mined",
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            organisation);
    }

    /// <summary>Cambodia's largest part (no islands), shrunk so a polygon near a slot edge is still well inside.</summary>
    private static Geometry Mainland(string boundaryFile)
    {
        using var countries = JsonDocument.Parse(File.ReadAllBytes(boundaryFile));
        var cambodia = countries.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "KHM").GetProperty("geometry");
        var factory = new GeometryFactory();
        var parts = cambodia.GetProperty("coordinates").EnumerateArray().Select(polygon =>
        {
            var rings = polygon.EnumerateArray()
                .Select(ring => factory.CreateLinearRing([.. ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))]))
                .ToList();
            return factory.CreatePolygon(rings[0], [.. rings.Skip(1)]);
        });
        return parts.MaxBy(p => p.Area)!.Buffer(-InsideDegrees);
    }

    /// <summary>Grid slots whose centres lie inside, in a seeded random order, sized so about N of them fit.</summary>
    private static List<(double Lon, double Lat)> Slots(Geometry inside, int count, Random random, out double slotDegrees)
    {
        slotDegrees = Math.Sqrt(inside.Area / (count * 1.15));
        var locator = new IndexedPointInAreaLocator(inside);
        var box = inside.EnvelopeInternal;
        var slots = new List<(double Key, double Lon, double Lat)>();
        for (double lat = box.MinY + slotDegrees / 2; lat < box.MaxY; lat += slotDegrees)
        {
            for (double lon = box.MinX + slotDegrees / 2; lon < box.MaxX; lon += slotDegrees)
            {
                double key = random.NextDouble();
                if (locator.Locate(new Coordinate(lon, lat)) == Location.Interior)
                {
                    slots.Add((key, lon, lat));
                }
            }
        }

        return [.. slots.OrderBy(s => s.Key).Select(s => (s.Lon, s.Lat))];
    }

    /// <summary>A simple counter-clockwise ring of 6-12 vertices at increasing angles, scaled to a drawn area.</summary>
    private static double[] Star(Random random, double lon, double lat, double reachMetres, double maxHectares)
    {
        int n = random.Next(6, 13);
        Span<double> gaps = stackalloc double[n];
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            gaps[i] = 0.7 + random.NextDouble() * 0.6;
            total += gaps[i];
        }

        double hectares = 0.5 * Math.Pow(maxHectares / 0.5, random.NextDouble());
        double radius = Math.Min(reachMetres / 1.2, Math.Sqrt(hectares * 10_000 / (n / 2.0 * Math.Sin(2 * Math.PI / n))));
        double perLon = 111_320 * Math.Cos(lat * Math.PI / 180), perLat = 110_600;
        var ring = new double[(n + 1) * 2];
        double angle = random.NextDouble() * 2 * Math.PI;
        for (var i = 0; i < n; i++)
        {
            double r = radius * (0.85 + random.NextDouble() * 0.3);
            ring[2 * i] = Math.Round(lon + r * Math.Cos(angle) / perLon, 6);
            ring[2 * i + 1] = Math.Round(lat + r * Math.Sin(angle) / perLat, 6);
            angle += gaps[i] / total * 2 * Math.PI;
        }

        ring[2 * n] = ring[0];
        ring[2 * n + 1] = ring[1];
        return ring;
    }

    /// <summary>A FeatureCollection written feature by feature, one a line, through a small reused buffer.</summary>
    private sealed class GeoJsonOut : IDisposable
    {
        private readonly FileStream _file;
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly Utf8JsonWriter _json;
        private bool _first = true;

        public GeoJsonOut(string path)
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            _json = new Utf8JsonWriter(_buffer);
            _file.Write("{\"type\":\"FeatureCollection\",\"features\":[\n"u8);
        }

        public void Write(double[] ring, Area a)
        {
            _buffer.ResetWrittenCount();
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteString("type", "Feature");
            _json.WriteStartObject("geometry");
            _json.WriteString("type", "Polygon");
            _json.WriteStartArray("coordinates");
            _json.WriteStartArray();
            for (var i = 0; i < ring.Length; i += 2)
            {
                _json.WriteStartArray();
                _json.WriteNumberValue((decimal)ring[i]);
                _json.WriteNumberValue((decimal)ring[i + 1]);
                _json.WriteEndArray();
            }

            _json.WriteEndArray();
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteStartObject("properties");
            _json.WriteString("localId", a.LocalId);
            _json.WriteString("name", a.Name);
            _json.WriteString("classification", a.Classification);
            _json.WriteStartArray("contamination");
            Array.ForEach(a.Contamination, _json.WriteStringValue);
            _json.WriteEndArray();
            _json.WriteString("status", a.Status);
            _json.WriteStartArray("evidence");
            _json.WriteStartObject();
            _json.WriteString("kind", a.EvidenceKind);
            _json.WriteString("description", a.Evidence);
            _json.WriteEndObject();
            _json.WriteEndArray();
            _json.WriteString("dateOfInformation", a.Date);
            _json.WriteString("organisation", a.Organisation);
            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.Flush();
            if (!_first)
            {
                _file.Write(",\n"u8);
            }

            _first = false;
            _file.Write(_buffer.WrittenSpan);
        }

        public void Dispose()
        {
            _file.Write("\n]}\n"u8);
            _json.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>A GeoPackage as GDAL writes one, filled in one transaction through one prepared insert.</summary>
    private sealed class GeoPackageOut : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly SqliteCommand _insert;
        private readonly GeoPackageGeoWriter _writer = new();
        private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

        public GeoPackageOut(string path)
        {
            File.Delete(path);
            _connection = new SqliteConnection($"Data Source={path};Pooling=False");
            _connection.Open();
            Execute("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
                PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
                CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
                  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
                INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
                  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
                  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]', NULL);
                CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
                  description TEXT DEFAULT '', last_change DATETIME NOT NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
                CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
                  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
                CREATE TABLE hazard_areas (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, local_id TEXT, name TEXT, classification TEXT,
                  contamination TEXT, status TEXT, evidence TEXT, date_of_information DATE, organisation TEXT);
                INSERT INTO gpkg_contents VALUES ('hazard_areas', 'features', 'hazard_areas', '', '2025-11-30T00:00:00.000Z', NULL, NULL, NULL, NULL, 4326);
                INSERT INTO gpkg_geometry_columns VALUES ('hazard_areas', 'geom', 'POLYGON', 4326, 0, 0);
                """);
            _transaction = _connection.BeginTransaction();
            _insert = _connection.CreateCommand();
            _insert.Transaction = _transaction;
            _insert.CommandText = "INSERT INTO hazard_areas (geom, local_id, name, classification, contamination, status, evidence, date_of_information, organisation) VALUES ($g, $1, $2, $3, $4, $5, $6, $7, $8)";
            _insert.Parameters.Add("$g", SqliteType.Blob);
            for (var i = 1; i <= 8; i++)
            {
                _insert.Parameters.Add($"${i}", SqliteType.Text);
            }

            _insert.Prepare();
        }

        public void Write(double[] ring, Area a)
        {
            var coordinates = new Coordinate[ring.Length / 2];
            for (var i = 0; i < coordinates.Length; i++)
            {
                coordinates[i] = new Coordinate(ring[2 * i], ring[2 * i + 1]);
            }

            _insert.Parameters[0].Value = _writer.Write(_factory.CreatePolygon(coordinates));
            string[] values = [a.LocalId, a.Name, a.Classification, string.Join(",", a.Contamination), a.Status, $"{a.EvidenceKind}: {a.Evidence}", a.Date, a.Organisation];
            for (var i = 0; i < values.Length; i++)
            {
                _insert.Parameters[i + 1].Value = values[i];
            }

            _insert.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _transaction.Commit();
            _insert.Dispose();
            _transaction.Dispose();
            _connection.Dispose();
        }

        private void Execute(string sql)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static string Label(int count) => count % 1000 == 0 ? $"{count / 1000}k" : count.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string BoundaryFile([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path) is { Length: > 0 } directory && Directory.Exists(directory)
            ? directory
            : Path.Combine(Directory.GetCurrentDirectory(), "samples", "uploads"), "..", "..", "src", "LandRelease.Data", "Countries", "asean-countries.geojson");
}
