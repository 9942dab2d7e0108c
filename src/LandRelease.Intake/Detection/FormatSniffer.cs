namespace LandRelease.Intake.Detection;

internal enum SniffedKind
{
    Zip,
    GeoPackage,
    GeoJson,
    Kml,
    Csv,
}

/// <summary>
/// Decides the format. Magic bytes win for the binary formats (a zip is a zip whatever it is called); for text,
/// the first non-blank character tells JSON from XML, and everything else is tried as CSV.
/// </summary>
internal static class FormatSniffer
{
    public const int PrefixLength = 4096;

    private static readonly byte[] ZipMagic = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] EmptyZipMagic = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly string[] Unsupported = [".xlsx", ".xls", ".ods", ".pdf", ".doc", ".docx", ".dwg", ".dxf", ".gpx", ".tab", ".mif", ".shp", ".dbf", ".shx"];

    public static async Task<byte[]> ReadPrefixAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[PrefixLength];
        var filled = 0;
        int read;
        while (filled < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(filled), ct)) > 0)
        {
            filled += read;
        }

        return buffer[..filled];
    }

    public static SniffedKind Decide(ReadOnlySpan<byte> prefix, string? fileName, string? contentType)
    {
        string extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        string type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        string named = fileName is null ? "The upload" : $"'{Path.GetFileName(fileName)}'";

        if (prefix.IsEmpty || IsBlank(prefix))
        {
            throw new UploadFormatException(UploadFormatErrors.EmptyFile, $"{named} is empty: it holds no data.");
        }

        if (prefix.StartsWith(ZipMagic) || prefix.StartsWith(EmptyZipMagic))
        {
            return SniffedKind.Zip;
        }

        if (prefix.StartsWith(SqliteMagic))
        {
            return SniffedKind.GeoPackage;
        }

        if (extension is ".zip" or ".kmz" || type is "application/zip" or "application/x-zip-compressed" or "application/vnd.google-earth.kmz")
        {
            throw new UploadFormatException(UploadFormatErrors.CorruptZip, $"{named} is declared a zip but does not start like one (no 'PK' signature).");
        }

        if (extension == ".gpkg" || type == "application/geopackage+sqlite3")
        {
            throw new UploadFormatException(UploadFormatErrors.InvalidGeoPackage, $"{named} is declared a GeoPackage but does not start like an SQLite database.");
        }

        if (Unsupported.Contains(extension) || prefix.Contains((byte)0))
        {
            throw new UploadFormatException(
                UploadFormatErrors.UnknownFormat,
                $"{named} is not in a format this upload reads{(extension.Length > 0 ? $" ({extension})" : "")}. Upload a GeoJSON "
                + "FeatureCollection, a zipped Shapefile (.shp, .shx, .dbf, .prj), a GeoPackage, KML/KMZ, or CSV.");
        }

        return FirstCharacter(prefix) switch
        {
            (byte)'{' or (byte)'[' => SniffedKind.GeoJson,
            (byte)'<' => SniffedKind.Kml,
            _ => SniffedKind.Csv,
        };
    }

    private static byte FirstCharacter(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith(Utf8Bom))
        {
            prefix = prefix[Utf8Bom.Length..];
        }

        foreach (byte b in prefix)
        {
            if (!IsWhiteSpace(b))
            {
                return b;
            }
        }

        return 0;
    }

    private static bool IsBlank(ReadOnlySpan<byte> prefix) =>
        prefix.Length < PrefixLength && FirstCharacter(prefix) == 0 && !prefix.Contains((byte)0);

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public static string Describe(string? fileName) =>
        fileName is null ? "the upload" : $"'{Path.GetFileName(fileName)}'";
}
