using System.Buffers.Binary;

namespace LandRelease.Intake.Shapefiles;

/// <summary>
/// Checks a .shp and its .shx before the library reads them: the library trusts the lengths it is given, so a
/// file cut short would otherwise be read as garbage rather than reported.
/// </summary>
internal static class ShpHeader
{
    public const int Length = 100;
    private const int FileCode = 9994;

    /// <summary>The declared shape type and the length the header claims (bytes).</summary>
    public static (int ShapeType, long DeclaredLength) Check(string shpPath, string shxPath, int dbfRecords)
    {
        var (shapeType, declared, actual) = Read(shpPath, ".shp");
        if (actual < declared)
        {
            throw Corrupt($"the .shp is cut short: its header says {declared} bytes but it has {actual}");
        }

        var (_, shxDeclared, shxActual) = Read(shxPath, ".shx");
        long indexed = (Math.Min(shxDeclared, shxActual) - Length) / 8;
        if (indexed != dbfRecords)
        {
            throw Corrupt($"the .shx indexes {indexed} shapes but the .dbf has {dbfRecords} records; they must match one to one");
        }

        return (shapeType, declared);
    }

    private static (int ShapeType, long Declared, long Actual) Read(string path, string part)
    {
        using var stream = File.OpenRead(path);
        Span<byte> header = stackalloc byte[Length];
        if (stream.ReadAtLeast(header, Length, throwOnEndOfStream: false) < Length)
        {
            throw Corrupt($"the {part} is shorter than its 100-byte header");
        }

        if (BinaryPrimitives.ReadInt32BigEndian(header) != FileCode)
        {
            throw Corrupt($"the {part} does not start with the shapefile signature");
        }

        long declared = BinaryPrimitives.ReadInt32BigEndian(header[24..]) * 2L;
        return (BinaryPrimitives.ReadInt32LittleEndian(header[32..]), declared, stream.Length);
    }

    public static UploadFormatException Corrupt(string why) =>
        new(UploadFormatErrors.CorruptShapefile, $"The shapefile cannot be read: {why}.");
}
