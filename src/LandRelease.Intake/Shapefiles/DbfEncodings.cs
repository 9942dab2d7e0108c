using System.Text;

namespace LandRelease.Intake.Shapefiles;

/// <summary>
/// Which text encoding a .dbf uses: its .cpg says (QGIS and ArcGIS write one, usually "UTF-8"); without one, the
/// header's language-driver byte may name a code page; otherwise UTF-8, as the shapefile library also assumes
/// (it reads the "system default" drivers 0x03 and 0x57 as UTF-8 too).
/// </summary>
internal static class DbfEncodings
{
    private static readonly Dictionary<byte, int> LanguageDrivers = new()
    {
        [0x01] = 437, [0x02] = 850, [0x64] = 852, [0x65] = 866, [0x7C] = 874, [0x7B] = 932, [0x4D] = 936, [0x4E] = 949,
        [0x4F] = 950, [0xC8] = 1250, [0xC9] = 1251, [0xCB] = 1253, [0xCA] = 1254, [0xCC] = 1257,
    };

    /// <summary>Null when the .cpg is missing, blank or names nothing known: the header decides then.</summary>
    public static Encoding? FromCpg(string? cpgPath)
    {
        if (cpgPath is null || !File.Exists(cpgPath))
        {
            return null;
        }

        string name = File.ReadAllText(cpgPath).Trim();
        if (name.Length == 0)
        {
            return null;
        }

        if (name.StartsWith("ANSI ", StringComparison.OrdinalIgnoreCase))
        {
            name = name[5..];
        }

        name = name switch
        {
            "88591" or "8859_1" => "iso-8859-1",
            "UTF8" or "utf8" => "utf-8",
            _ => name,
        };

        return int.TryParse(name, out int codePage) ? CodePage(codePage) : ByName(name);
    }

    public static Encoding ForLanguageDriver(byte languageDriver) =>
        LanguageDrivers.TryGetValue(languageDriver, out int codePage) ? CodePage(codePage) ?? Encoding.UTF8 : Encoding.UTF8;

    private static Encoding? CodePage(int codePage)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static Encoding? ByName(string name)
    {
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
