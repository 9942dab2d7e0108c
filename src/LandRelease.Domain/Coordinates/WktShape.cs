namespace LandRelease.Domain.Coordinates;

/// <summary>
/// A linear pass over WKT before ProjNet reads it. ProjNet's tokenizer grows each token by string concatenation,
/// so one long token costs time in the square of its length (a 320 KB name ran for minutes): no token may be
/// longer than a real CRS's, nor the whole text, nor its nesting deeper.
/// </summary>
internal static class WktShape
{
    /// <summary>The longest WKT read. A .prj is one to three thousand characters; WKT 2 with every ID a few more.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>The longest quoted name ("WGS 84 / UTM zone 48N"); EPSG's longest is under 100 characters.</summary>
    public const int MaxQuotedLength = 256;

    /// <summary>The longest keyword or number (PROJECTEDCRS, 0.0174532925199433).</summary>
    public const int MaxWordLength = 64;

    /// <summary>Deepest bracket nesting (COMPOUNDCRS > PROJCRS > BASEGEOGCRS > DATUM > ELLIPSOID > ID is six).</summary>
    public const int MaxDepth = 16;

    /// <summary>Why the text cannot be WKT that ProjNet may be given, or null when its shape is fine.</summary>
    public static string? Problem(string wkt)
    {
        if (wkt.Length > MaxLength)
        {
            return $"it is {wkt.Length:N0} characters long, more than the {MaxLength:N0} a coordinate system needs";
        }

        int depth = 0, quoted = -1, word = 0;
        for (var i = 0; i < wkt.Length; i++)
        {
            var c = wkt[i];
            if (quoted >= 0)
            {
                if (c == '"')
                {
                    quoted = -1;
                }
                else if (++quoted > MaxQuotedLength)
                {
                    return $"a quoted name is longer than {MaxQuotedLength} characters";
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = 0;
                    word = 0;
                    break;
                case '[' or '(':
                    word = 0;
                    if (++depth > MaxDepth)
                    {
                        return $"its brackets nest more than {MaxDepth} deep";
                    }

                    break;
                case ']' or ')':
                    word = 0;
                    if (--depth < 0)
                    {
                        return $"a closing bracket at character {i + 1} has no opening one";
                    }

                    break;
                case ',' or ' ' or '\t' or '\r' or '\n':
                    word = 0;
                    break;
                default:
                    if (++word > MaxWordLength)
                    {
                        return $"a keyword or number is longer than {MaxWordLength} characters";
                    }

                    break;
            }
        }

        return quoted >= 0 ? "a quoted name is never closed"
            : depth != 0 ? "its brackets are not closed"
            : null;
    }
}
