using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using LandRelease.Intake.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using NetTopologySuite.IO.Esri.Shp;
using NetTopologySuite.IO.Esri.Shp.Readers;

namespace LandRelease.Intake.Shapefiles;

/// <summary>
/// A shapefile extracted from its zip: shapes from the .shp through NetTopologySuite.IO.Esri's forward-only reader,
/// attributes from the .dbf record by record, the CRS from the .prj's text as written (often ESRI WKT with no
/// EPSG code: recognising it is the CRS table's job).
/// </summary>
internal sealed class ShapefileSource : FeatureSource
{
    private static readonly int[] Polygons = [5, 15, 25];
    private static readonly int[] Points = [1, 11, 21];

    private readonly string _shp;
    private readonly string _dbf;
    private readonly string? _cpg;
    private readonly int _shapeType;
    private readonly long _declaredLength;

    private ShapefileSource(IReadOnlyDictionary<string, string> parts, int shapeType, long declaredLength)
    {
        _shp = parts[".shp"];
        _dbf = parts[".dbf"];
        _cpg = parts.GetValueOrDefault(".cpg");
        _shapeType = shapeType;
        _declaredLength = declaredLength;
    }

    public override string Format => UploadFormats.Shapefile;

    public static ShapefileSource Open(IReadOnlyDictionary<string, string> parts, string name, IReadOnlyList<string> others, IntakeOptions options)
    {
        int records;
        using (var dbf = DbfTable.Open(parts[".dbf"], null))
        {
            records = dbf.RecordCount;
        }

        var (shapeType, declared) = ShpHeader.Check(parts[".shp"], parts[".shx"], records);
        if (!Polygons.Contains(shapeType) && !Points.Contains(shapeType))
        {
            throw new UploadFormatException(
                UploadFormatErrors.UnsupportedShapeType,
                $"The shapefile '{name}' holds {ShapeTypeName(shapeType)} shapes; land is uploaded as polygons (or points).");
        }

        string? prj = parts.TryGetValue(".prj", out var prjPath) ? ReadPrj(prjPath, name, options.MaxDeclaredCrsChars) : null;
        return new ShapefileSource(parts, shapeType, declared)
        {
            DeclaredCrs = string.IsNullOrEmpty(prj) ? null : prj,
            Layer = name,
            OtherLayers = others,
        };
    }

    private static string ReadPrj(string path, string name, int maxChars)
    {
        // UTF-8 takes at most four bytes a character: a file of more bytes than four times the limit is too long unread.
        string? text = new FileInfo(path).Length > 4L * maxChars ? null : File.ReadAllText(path).Trim();
        return text is null || text.Length > maxChars ? throw CrsLimit.TooLong($"The shapefile's '{name}.prj'", maxChars) : text;
    }

    protected override async IAsyncEnumerable<SourceFeature> ReadFeaturesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var shpStream = new FileStream(_shp, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        // IgnoreInvalidShapes: a self-intersecting ring is the geometry checks' finding to report, not a reason to
        // stop reading (Strict throws) or to drop the record (Skip).
        using var shapes = Shp.OpenRead(shpStream, new ShapefileReaderOptions { GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes });
        using var table = DbfTable.Open(_dbf, DbfEncodings.FromCpg(_cpg));
        var index = 0;
        for (var record = 0; record < table.RecordCount; record++)
        {
            ct.ThrowIfCancellationRequested();
            var attributes = Text.NewAttributes();
            if (!table.Read(attributes, out bool deleted, out string? problem))
            {
                throw ShpHeader.Corrupt($"the .dbf ends at record {record} of {table.RecordCount}");
            }

            var (geometry, shapeProblem) = NextShape(shpStream, shapes, record);
            if (deleted)
            {
                continue;
            }

            problem = shapeProblem ?? problem ?? GeometryProblems.Find(geometry);
            yield return new SourceFeature(index++, problem is null ? geometry : null, attributes, null, problem);
            // Reading is synchronous file I/O on the spooled copy; hand the thread back now and then.
            if (index % 1024 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private (Geometry? Geometry, string? Problem) NextShape(FileStream stream, ShpReader shapes, int record)
    {
        long start = stream.Position;
        Span<byte> header = stackalloc byte[12];
        if (start + 12 > _declaredLength || stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12)
        {
            throw ShpHeader.Corrupt($"the .shp ends at shape {record} but the .dbf has more records");
        }

        long end = start + 8 + (BinaryPrimitives.ReadInt32BigEndian(header[4..]) * 2L);
        int type = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (end < start + 12 || end > _declaredLength)
        {
            throw ShpHeader.Corrupt($"shape {record}'s length runs past the end of the .shp");
        }

        stream.Position = start;
        if (type == 0)
        {
            stream.Position = end;
            return (null, "The feature has no geometry (a null shape).");
        }

        if (type != _shapeType)
        {
            stream.Position = end;
            return (null, $"The shape is a {ShapeTypeName(type)} in a shapefile of {ShapeTypeName(_shapeType)} shapes.");
        }

        try
        {
            shapes.Read();
            return (GeometryProblems.Simplest(shapes.Geometry), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The library read part of a damaged record; the next one starts where the header said.
            stream.Position = end;
            return (null, $"The shape cannot be read: {e.Message}");
        }
    }

    private static string ShapeTypeName(int type) => type switch
    {
        0 => "null",
        1 or 11 or 21 => "point",
        3 or 13 or 23 => "line (PolyLine)",
        5 or 15 or 25 => "polygon",
        8 or 18 or 28 => "multipoint",
        31 => "multipatch",
        _ => $"unknown (type {type})",
    };
}
