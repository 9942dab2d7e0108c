// Writes samples/hazard-areas.geojson: 150 synthetic hazardous areas in north-west Cambodia (Battambang,
// Banteay Meanchey, Pailin, Oddar Meanchey). Deterministic: the same seed gives the same file.
//
//   dotnet run samples/generate-samples.cs
//
// The areas are made up. Their places, names, devices and organisations are plausible, not real records.
// Each area is a star-shaped polygon (vertices at increasing angles around a centre, so it cannot cross
// itself), counter-clockwise, 0.5-50 ha, placed in its own cell of a ~3.3 km grid so no two overlap, and
// at least 3 km inside Cambodia's boundary (read from the reference file the API itself loads).
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LandRelease.Samples;

internal static class Program
{
    private const int Seed = 20_151_231;
    private const int AreaCount = 150;

    // The region and the grid. Half a cell (~1.6 km) exceeds the largest polygon's reach from its centre
    // plus the centre's jitter, so polygons in different cells never meet.
    private const double MinLon = 102.35, MaxLon = 104.0, MinLat = 12.6, MaxLat = 14.35;
    private const double CellDegrees = 0.03;
    private const double MaxJitterMetres = 900;
    private const double MaxReachMetres = 600;
    private const double InsideMetres = 3000;

    private const double MinHectares = 0.6, MaxHectares = 45;
    private const double MinEdgeAngleDegrees = 25;
    private const double RoadMetres = 2500;

    private static readonly string[] Provinces = ["BTB", "BMC", "PLN", "OMC"];

    private static readonly Dictionary<string, string[]> Villages = new()
    {
        ["BTB"] = ["Ta Sanh", "Kampong Lpov", "Sdau", "Boeung Pring", "Phnom Proek", "Bour", "Chhnal Moan", "Ta Krok",
            "Kanghot", "Ou Da", "Chamkar Lhong", "Srae Ou", "Kamrieng", "Trang", "Ou Rumduol", "Kdol Tahen",
            "Boeng Ampil", "Ta Kream", "Sampov Lun", "Reang Kesei", "Anlong Vil", "Ou Treng", "Prey Khpos", "Samlout"],
        ["BMC"] = ["O Chrov", "Malai", "Boeung Trakuon", "Tuol Pongro", "Phnom Dei", "Ou Beichoan", "Kouk Romiet",
            "Nimitt", "Thma Puok", "Kouk Kduoch", "Ta Phou", "Banteay Chhmar", "Svay Chek", "Paoy Char",
            "Kouk Trach", "Phnom Liep", "Ou Sralau", "Kouk Ballangk", "Ta Kong", "Sras Chik"],
        ["PLN"] = ["Sala Krau", "Stueng Trang", "Ou Andoung", "Phnom Spean", "Tuol Lvea", "Bor Yakha", "Ou Tavau",
            "Stueng Kach", "Phsar Prum", "Ou Chra", "Krachab", "Tuol Sala"],
        ["OMC"] = ["Trapeang Prasat", "Banteay Ampil", "Chong Kal", "Kouk Mon", "Ou Smach", "Kon Kriel", "Bos Sbov",
            "Ampil", "Cheung Tien", "Samraong", "Kouk Khpos", "Ou Svay", "Ph'av", "Tumnob Dach", "Trapeang Tav", "Kouk Srok"],
    };

    private static readonly string[] Features = ["rice field", "cassava field", "forest edge", "stream crossing",
        "hill slope", "former KR camp", "pond", "cashew plantation", "pagoda land", "school path", "canal bank",
        "bamboo thicket", "ridge", "trench line", "mango orchard", "grazing land", "maize field", "old village site",
        "cattle track", "water reservoir"];

    private static readonly string[] RoadFeatures = ["road verge", "road embankment", "bridge approach", "roadside field"];

    private static readonly string[] Directions = ["north", "south", "east", "west", "north-east", "north-west",
        "south-east", "south-west"];

    // Old national roads, roughly: AV mines were laid along them in the 1980s and 1990s.
    private static readonly (string Name, double[] LonLat)[] Roads =
    [
        ("NR5", [102.555, 13.660, 102.75, 13.63, 102.97, 13.59, 103.00, 13.50, 103.06, 13.40, 103.12, 13.25, 103.20, 13.10, 103.35, 12.95, 103.50, 12.82]),
        ("NR57", [103.20, 13.10, 103.05, 13.00, 102.90, 12.93, 102.75, 12.88, 102.61, 12.85, 102.47, 12.84]),
        ("NR10", [103.20, 13.10, 103.05, 12.90, 102.95, 12.75, 102.88, 12.65]),
        ("NR56", [102.97, 13.59, 103.02, 13.75, 103.05, 13.90, 103.20, 14.05, 103.35, 14.13, 103.52, 14.18]),
        ("NR68", [103.52, 14.18, 103.50, 14.00, 103.47, 13.85]),
        ("NR67", [103.52, 14.18, 103.70, 14.20, 103.85, 14.22, 104.00, 14.23]),
    ];

    private static readonly string[] ApDirect = ["PMN-2 found by villager, {0}", "Type 72A AP mine found while ploughing, {0}",
        "PMN mine seen by a cattle herder, {0}", "POMZ-2 stake mine found at the forest edge, {0}",
        "Mine accident: farmer injured by an AP mine, {0}", "Cow killed by an AP mine, {0}",
        "MD-82B found by a wood collector, {0}", "Two PMN-2 found by a CMAC EOD team on a spot task, {0}"];

    private static readonly string[] AvDirect = ["TM-46 AV mine found at the road verge, {0}", "Tractor destroyed by an AV mine, {0}",
        "TM-57 AV mine reported by a farmer, {0}", "Ox-cart struck an AV mine, {0}"];

    private static readonly string[] ClusterDirect = ["M42 DPICM submunition found in a rice field, {0}",
        "Submunitions found after border shelling, {0}", "M85 submunition found by a farmer, {0}"];

    private static readonly string[] ErwDirect = ["82 mm mortar bomb found while digging, {0}", "B40 rocket found in a pond, {0}",
        "105 mm projectile unearthed while ploughing, {0}", "Hand grenades found in an old trench, {0}"];

    private static readonly string[] Indirect = ["Former soldier says the area was mined in the 1990s",
        "Land left unused since 1998 for fear of mines (community meeting)", "Cattle losses reported by the village chief",
        "Fighting positions here until 1998 (village elder)", "Old trench lines visible; villagers avoid the area",
        "Marked as mined in 1993 records; confirmed by the commune chief", "Villagers report mines laid to protect a former camp"];

    private const string K5Indirect = "Villagers report K5 belt mine-laying along the border in 1985-1989";
    private const string RoadIndirect = "Road reported mined during the fighting of the 1990s (district police)";

    public static int Main()
    {
        string samples = SamplesDirectory();
        string boundaryFile = Path.Combine(samples, "..", "src", "LandRelease.Data", "Countries", "asean-countries.geojson");
        var cambodia = Boundary.Load(boundaryFile, "KHM");
        var random = new Random(Seed);

        // Candidate cells, each drawn with a weight: land near the Thai border (the K5 belt) and near old roads
        // is where contamination concentrates. Efraimidis-Spirakis keys give a weighted draw without replacement.
        var candidates = new List<(double Key, double Lon, double Lat, string Province)>();
        for (double lat = MinLat + CellDegrees / 2; lat < MaxLat; lat += CellDegrees)
        {
            for (double lon = MinLon + CellDegrees / 2; lon < MaxLon; lon += CellDegrees)
            {
                double u = random.NextDouble();
                if (ProvinceAt(lon, lat) is not { } province || !cambodia.Contains(lon, lat))
                {
                    continue;
                }

                double borderKm = cambodia.DistanceMetres(lon, lat) / 1000;
                double weight = 1 + (6 * Math.Exp(-borderKm / 12)) + (NearestRoad(lon, lat).Metres < RoadMetres ? 1.5 : 0);
                candidates.Add((Math.Pow(Math.Max(u, 1e-12), 1 / weight), lon, lat, province));
            }
        }

        var areas = new List<Area>();
        foreach (var cell in candidates.OrderByDescending(c => c.Key))
        {
            if (areas.Count == AreaCount)
            {
                break;
            }

            if (Place(cell.Lon, cell.Lat, cambodia, random) is { } ring)
            {
                areas.Add(Describe(cell.Province, ring, cambodia, random));
            }
        }

        if (areas.Count < AreaCount)
        {
            Console.Error.WriteLine($"Only {areas.Count} areas could be placed.");
            return 1;
        }

        var features = new List<string>();
        foreach (string province in Provinces)
        {
            var numbered = areas.Where(a => a.Province == province)
                .OrderByDescending(a => a.Ring[0].Lat).ThenBy(a => a.Ring[0].Lon).ToList();
            for (var i = 0; i < numbered.Count; i++)
            {
                features.Add(FeatureJson(numbered[i], $"KHM-{province}-{i + 1:0000}"));
            }
        }

        string output = Path.Combine(samples, "hazard-areas.geojson");
        var text = new StringBuilder("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n");
        text.AppendJoin(",\n", features.Select(f => "    " + f)).Append("\n  ]\n}\n");
        File.WriteAllText(output, text.ToString(), new UTF8Encoding(false));

        Console.WriteLine($"Wrote {features.Count} hazardous areas to {Path.GetFullPath(output)}");
        Console.WriteLine($"  area: {areas.Min(a => a.Hectares):0.00}-{areas.Max(a => a.Hectares):0.00} ha (planar estimate)");
        foreach (var group in new (string Name, Func<Area, IEnumerable<string>> Values)[]
        {
            ("province", a => [a.Province]), ("classification", a => [a.Classification]),
            ("contamination", a => a.Contamination), ("status", a => [a.Status]), ("organisation", a => [a.Organisation]),
        })
        {
            var counts = areas.SelectMany(group.Values).GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"  {group.Name}: {string.Join(", ", counts)}");
        }

        return 0;
    }

    private static string SamplesDirectory([CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) is { Length: > 0 } directory && Directory.Exists(directory)
            ? directory
            : Path.Combine(Directory.GetCurrentDirectory(), "samples");

    /// <summary>Rough province extents inside the region; null for land of other provinces (Siem Reap, Pursat) and the lake.</summary>
    private static string? ProvinceAt(double lon, double lat) => (lon, lat) switch
    {
        (> 103.1, >= 13.95) => "OMC",
        (< 103.1, >= 13.4) => "BMC",
        (< 103.35, >= 13.4) and (_, < 13.95) => "BMC",
        (_, >= 13.4) => null,
        (< 102.78, < 13.08) => "PLN",
        (> 103.25, < 12.85) => null,
        (<= 103.45, _) => "BTB",
        _ => null,
    };

    /// <summary>An irregular polygon around the cell's centre, or null when it will not fit well inside the country.</summary>
    private static LonLat[]? Place(double cellLon, double cellLat, Boundary cambodia, Random random)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (perLon, perLat) = Geo.MetresPerDegree(cellLat);
            double lon = cellLon + ((random.NextDouble() * 2) - 1) * MaxJitterMetres / perLon;
            double lat = cellLat + ((random.NextDouble() * 2) - 1) * MaxJitterMetres / perLat;
            if (cambodia.DistanceMetres(lon, lat) < InsideMetres + MaxReachMetres || !cambodia.Contains(lon, lat))
            {
                continue;
            }

            var shape = Shape(random);
            if (shape is null)
            {
                continue;
            }

            (perLon, perLat) = Geo.MetresPerDegree(lat);
            var ring = shape.Select(p => new LonLat(Math.Round(lon + p.X / perLon, 6), Math.Round(lat + p.Y / perLat, 6))).ToArray();
            if (ring.All(p => cambodia.Contains(p.Lon, p.Lat) && cambodia.DistanceMetres(p.Lon, p.Lat) >= InsideMetres))
            {
                return ring;
            }
        }

        return null;
    }

    /// <summary>
    /// Vertices (metres east and north of the centre) at strictly increasing angles around it, so the ring is
    /// simple and counter-clockwise; then stretched and turned (affine maps keep both), scaled to the drawn area.
    /// </summary>
    private static (double X, double Y)[]? Shape(Random random)
    {
        int n = random.Next(5, 13);
        var gaps = Enumerable.Range(0, n).Select(_ => 1 + ((random.NextDouble() * 0.7) - 0.35)).ToArray();
        double total = gaps.Sum();
        double angle = random.NextDouble() * 2 * Math.PI;
        var points = new (double X, double Y)[n];
        for (var i = 0; i < n; i++)
        {
            double radius = 1 + ((random.NextDouble() * 0.6) - 0.3);
            points[i] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
            angle += gaps[i] / total * 2 * Math.PI;
        }

        double stretch = 1 + (random.NextDouble() * 0.8), turn = random.NextDouble() * Math.PI;
        double hectares = MinHectares * Math.Pow(MaxHectares / MinHectares, random.NextDouble());
        points = [.. points.Select(p => (p.X * stretch, p.Y)).Select(p =>
            ((p.Item1 * Math.Cos(turn)) - (p.Y * Math.Sin(turn)), (p.Item1 * Math.Sin(turn)) + (p.Y * Math.Cos(turn))))];
        double scale = Math.Sqrt(hectares * 10_000 / Geo.PlanarArea(points));
        points = [.. points.Select(p => (p.X * scale, p.Y * scale))];

        bool reachOk = points.All(p => Math.Sqrt((p.X * p.X) + (p.Y * p.Y)) <= MaxReachMetres);
        bool anglesOk = Enumerable.Range(0, n).All(i => Geo.EdgeAngleDegrees(points[(i + n - 1) % n], points[i], points[(i + 1) % n]) >= MinEdgeAngleDegrees);
        return reachOk && anglesOk ? points : null;
    }

    private static Area Describe(string province, LonLat[] ring, Boundary cambodia, Random random)
    {
        double lon = ring.Average(p => p.Lon), lat = ring.Average(p => p.Lat);
        double borderKm = cambodia.DistanceMetres(lon, lat) / 1000;
        var road = NearestRoad(lon, lat);
        bool k5 = borderKm < 20, nearRoad = road.Metres < RoadMetres;

        var contamination = new List<string>();
        if (k5 || random.NextDouble() < 0.55)
        {
            contamination.Add("AP_MINE");
        }

        if (random.NextDouble() < (nearRoad ? 0.75 : 0.08))
        {
            contamination.Add("AV_MINE");
        }

        if (random.NextDouble() < (province == "OMC" && borderKm < 15 ? 0.3 : 0.02))
        {
            contamination.Add("CLUSTER_MUNITION");
        }

        if (contamination.Count == 0 || random.NextDouble() < 0.15)
        {
            contamination.Add("OTHER_ERW");
        }

        var date = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 4017)); // to 2025-12-31
        bool confirmed = random.NextDouble() < 0.4;
        var evidence = new List<(string Kind, string Description)>();
        if (confirmed)
        {
            // The device seen is of the area's main contamination; a second find sometimes adds another kind.
            foreach (string type in contamination.Take(random.NextDouble() < 0.25 ? 2 : 1))
            {
                string[] templates = type switch
                {
                    "AP_MINE" => ApDirect,
                    "AV_MINE" => AvDirect,
                    "CLUSTER_MUNITION" => ClusterDirect,
                    _ => ErwDirect,
                };
                int year = random.Next(Math.Max(2008, date.Year - 6), date.Year + 1);
                evidence.Add(("DIRECT", string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(templates, random), year)));
            }
        }

        if (!confirmed || random.NextDouble() < 0.8)
        {
            evidence.Add(("INDIRECT", k5 && random.NextDouble() < 0.5 ? K5Indirect
                : nearRoad && contamination.Contains("AV_MINE") && random.NextDouble() < 0.5 ? RoadIndirect
                : Pick(Indirect, random)));
            if (!confirmed && random.NextDouble() < 0.4)
            {
                string second = Pick(Indirect, random);
                if (evidence.All(e => e.Description != second))
                {
                    evidence.Add(("INDIRECT", second));
                }
            }
        }

        string feature = nearRoad && contamination.Contains("AV_MINE") && random.NextDouble() < 0.6
            ? $"{road.Name} {Pick(RoadFeatures, random)}"
            : Pick(Features, random);
        string name = $"{Pick(Villages[province], random)} {feature}";
        if (random.NextDouble() < 0.7)
        {
            name += " " + Pick(Directions, random);
        }

        string status = random.NextDouble() < (confirmed ? 0.3 : 0.1) ? "WORKED_ON" : "OPEN";
        double operatorDraw = random.NextDouble();
        string organisation = province switch
        {
            "OMC" => operatorDraw < 0.6 ? "HALO-KHM" : operatorDraw < 0.9 ? "CMAC" : "MAG-KHM",
            "BMC" => operatorDraw < 0.45 ? "HALO-KHM" : operatorDraw < 0.85 ? "CMAC" : "MAG-KHM",
            _ => operatorDraw < 0.5 ? "CMAC" : operatorDraw < 0.85 ? "MAG-KHM" : "HALO-KHM",
        };

        var closed = ring.Append(ring[0]).ToArray();
        var (perLon, perLat) = Geo.MetresPerDegree(lat);
        double hectares = Geo.PlanarArea([.. ring.Select(p => ((p.Lon - lon) * perLon, (p.Lat - lat) * perLat))]) / 10_000;
        return new Area(province, closed, name, confirmed ? "CHA" : "SHA", contamination, status, evidence,
            date, organisation, hectares);
    }

    private static (string Name, double Metres) NearestRoad(double lon, double lat)
    {
        var best = (Name: "", Metres: double.MaxValue);
        foreach (var (name, line) in Roads)
        {
            for (var i = 0; i + 3 < line.Length; i += 2)
            {
                double metres = Geo.SegmentDistanceMetres(lon, lat, line[i], line[i + 1], line[i + 2], line[i + 3]);
                if (metres < best.Metres)
                {
                    best = (name, metres);
                }
            }
        }

        return best;
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static string FeatureJson(Area area, string localId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("geometry");
            json.WriteString("type", "Polygon");
            json.WriteStartArray("coordinates");
            json.WriteStartArray();
            foreach (var p in area.Ring)
            {
                json.WriteStartArray();
                json.WriteNumberValue(decimal.Round((decimal)p.Lon, 6));
                json.WriteNumberValue(decimal.Round((decimal)p.Lat, 6));
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteStartObject("properties");
            json.WriteString("countryCode", "KHM");
            json.WriteString("localId", localId);
            json.WriteString("name", area.Name);
            json.WriteString("classification", area.Classification);
            json.WriteStartArray("contamination");
            foreach (string type in area.Contamination)
            {
                json.WriteStringValue(type);
            }

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
            json.WriteString("dateOfInformation", area.DateOfInformation.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("organisation", area.Organisation);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

internal readonly record struct LonLat(double Lon, double Lat);

internal sealed record Area(string Province, LonLat[] Ring, string Name, string Classification, List<string> Contamination,
    string Status, List<(string Kind, string Description)> Evidence, DateOnly DateOfInformation, string Organisation, double Hectares);

/// <summary>Local planar geometry: metres per degree on the WGS 84 ellipsoid; exact enough over a few kilometres.</summary>
internal static class Geo
{
    public static (double Lon, double Lat) MetresPerDegree(double latitude)
    {
        double phi = latitude * Math.PI / 180;
        return ((111_412.84 * Math.Cos(phi)) - (93.5 * Math.Cos(3 * phi)),
            111_132.92 - (559.82 * Math.Cos(2 * phi)) + (1.175 * Math.Cos(4 * phi)));
    }

    public static double PlanarArea((double X, double Y)[] ring)
    {
        double twice = 0;
        for (var i = 0; i < ring.Length; i++)
        {
            var (a, b) = (ring[i], ring[(i + 1) % ring.Length]);
            twice += (a.X * b.Y) - (b.X * a.Y);
        }

        return twice / 2;
    }

    /// <summary>The angle (0-180°) between the two edges meeting at <paramref name="vertex"/>: small means a spike.</summary>
    public static double EdgeAngleDegrees((double X, double Y) before, (double X, double Y) vertex, (double X, double Y) after)
    {
        double x1 = before.X - vertex.X, y1 = before.Y - vertex.Y, x2 = after.X - vertex.X, y2 = after.Y - vertex.Y;
        return Math.Abs(Math.Atan2((x1 * y2) - (y1 * x2), (x1 * x2) + (y1 * y2))) * 180 / Math.PI;
    }

    public static double SegmentDistanceMetres(double lon, double lat, double lon1, double lat1, double lon2, double lat2)
    {
        var (perLon, perLat) = MetresPerDegree(lat);
        double ax = (lon1 - lon) * perLon, ay = (lat1 - lat) * perLat, bx = (lon2 - lon) * perLon, by = (lat2 - lat) * perLat;
        double dx = bx - ax, dy = by - ay, length = (dx * dx) + (dy * dy);
        double t = length == 0 ? 0 : Math.Clamp(-((ax * dx) + (ay * dy)) / length, 0, 1);
        double x = ax + (t * dx), y = ay + (t * dy);
        return Math.Sqrt((x * x) + (y * y));
    }
}

/// <summary>A country's rings from the reference GeoJSON, for point-in-polygon and distance-to-border tests.</summary>
internal sealed class Boundary(List<double[][]> rings)
{
    public static Boundary Load(string path, string code)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var country = document.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("code").GetString() == code);
        var rings = new List<double[][]>();
        foreach (var polygon in country.GetProperty("geometry").GetProperty("coordinates").EnumerateArray())
        {
            rings.AddRange(polygon.EnumerateArray()
                .Select(ring => ring.EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray()));
        }

        return new Boundary(rings);
    }

    /// <summary>Even-odd rule over every ring, so holes count as outside.</summary>
    public bool Contains(double lon, double lat)
    {
        var inside = false;
        foreach (var ring in rings)
        {
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                if ((ring[i][1] > lat) != (ring[j][1] > lat)
                    && lon < ring[j][0] + ((lat - ring[j][1]) * (ring[i][0] - ring[j][0]) / (ring[i][1] - ring[j][1])))
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    public double DistanceMetres(double lon, double lat)
    {
        double best = double.MaxValue;
        foreach (var ring in rings)
        {
            for (var i = 0; i + 1 < ring.Length; i++)
            {
                // Skip segments plainly far away (more than ~0.5° on both ends in one axis) before measuring.
                if (Math.Min(Math.Abs(ring[i][1] - lat), Math.Abs(ring[i + 1][1] - lat)) > 0.5
                    && Math.Sign(ring[i][1] - lat) == Math.Sign(ring[i + 1][1] - lat))
                {
                    continue;
                }

                best = Math.Min(best, Geo.SegmentDistanceMetres(lon, lat, ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]));
            }
        }

        return best;
    }
}
