namespace LandRelease.Intake.Csv;

internal enum CsvKind
{
    Wkt,
    Points,
    Traverse,
}

/// <summary>
/// Which of the three CSV variants a header describes, and where its columns are. Names match case-insensitively.
/// A traverse is recognised by point + bearing + distance columns; then a WKT column; then an x/y pair.
/// </summary>
internal sealed class CsvLayout
{
    public static readonly string[] WktNames = ["wkt", "geometry", "geom", "the_geom"];
    public static readonly string[] XNames = ["lon", "lng", "long", "longitude", "x", "easting"];
    public static readonly string[] YNames = ["lat", "latitude", "y", "northing"];
    public static readonly string[] LocalIdNames = ["local_id", "localid", "local id"];

    private CsvLayout(IReadOnlyList<string> columns, CsvKind kind) => (Columns, Kind) = (columns, kind);

    public IReadOnlyList<string> Columns { get; }

    public CsvKind Kind { get; }

    public int Wkt { get; private init; } = -1;

    public int X { get; private init; } = -1;

    public int Y { get; private init; } = -1;

    public int Crs { get; private init; } = -1;

    public int LocalId { get; private init; } = -1;

    public int Point { get; private init; } = -1;

    public int Bearing { get; private init; } = -1;

    public int Distance { get; private init; } = -1;

    public int AngleUnit { get; private init; } = -1;

    public int BearingReference { get; private init; } = -1;

    public int Declination { get; private init; } = -1;

    /// <summary>Columns that carry geometry or traverse observations rather than attributes.</summary>
    public HashSet<int> Structural { get; } = [];

    public static CsvLayout Detect(IReadOnlyList<string> columns)
    {
        int Find(params string[] names) => IndexOf(columns, names);
        int x = Find(XNames), y = Find(YNames), crs = Find("crs", "srid", "epsg");
        int point = Find("point", "station"), bearing = Find("bearing"), distance = Find("distance_m", "distance");
        CsvLayout layout;
        if (point >= 0 && bearing >= 0 && distance >= 0)
        {
            int localId = Find(LocalIdNames);
            if (localId < 0 || x < 0 || y < 0)
            {
                throw new UploadFormatException(
                    UploadFormatErrors.InvalidCsv,
                    "The CSV looks like traverse rows (it has point, bearing and distance columns) but lacks "
                    + string.Join(" and ", new[] { localId < 0 ? "local_id" : null, x < 0 ? "x" : null, y < 0 ? "y" : null }.OfType<string>())
                    + "; see the traverse format in samples/uploads/README.md.");
            }

            layout = new CsvLayout(columns, CsvKind.Traverse)
            {
                X = x, Y = y, Crs = crs, LocalId = localId, Point = point, Bearing = bearing, Distance = distance,
                AngleUnit = Find("angle_unit"), BearingReference = Find("bearing_reference"), Declination = Find("declination_deg", "declination"),
            };
            layout.Structural.UnionWith([x, y, crs, point, bearing, distance, layout.AngleUnit, layout.BearingReference, layout.Declination]);
        }
        else if (Find(WktNames) is var wkt and >= 0)
        {
            layout = new CsvLayout(columns, CsvKind.Wkt) { Wkt = wkt, Crs = crs };
            layout.Structural.UnionWith([wkt, crs]);
        }
        else if (x >= 0 && y >= 0)
        {
            layout = new CsvLayout(columns, CsvKind.Points) { X = x, Y = y, Crs = crs };
            layout.Structural.UnionWith([x, y, crs]);
        }
        else
        {
            throw new UploadFormatException(
                UploadFormatErrors.NoGeometryColumn,
                "The CSV has no geometry column. Give a WKT column (wkt, geometry, geom or the_geom), a longitude/latitude "
                + "pair (lon, lng, longitude, x or easting with lat, latitude, y or northing), or traverse rows (local_id, point, "
                + $"x, y, bearing, distance_m...). Its columns are: {string.Join(", ", columns.Take(30))}.");
        }

        layout.Structural.Remove(-1);
        return layout;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string[] names)
    {
        foreach (string name in names)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
