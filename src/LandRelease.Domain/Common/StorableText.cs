namespace LandRelease.Domain.Common;

/// <summary>
/// Text PostgreSQL can store. It refuses the NUL character (U+0000) in text and jsonb, and strings with a lone
/// UTF-16 surrogate cannot be encoded as UTF-8 at all; both are refused where input enters, naming the field,
/// instead of failing in the database. Other control characters are stored as given.
/// </summary>
public static class StorableText
{
    /// <summary>Null when the text can be stored; otherwise why not, as a sentence.</summary>
    public static string? Problem(string? text)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return $"Contains a NUL character (U+0000) at position {i}, which cannot be stored.";
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"Contains an unpaired UTF-16 surrogate (U+{(int)c:X4}) at position {i}, which is not text.";
            }
        }

        return null;
    }

    public static bool IsStorable(string? text) => Problem(text) is null;
}
