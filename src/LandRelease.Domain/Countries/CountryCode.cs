namespace LandRelease.Domain.Countries;

/// <summary>
/// An ISO 3166-1 alpha-3 country code as the register keeps it: trimmed and in capitals, whatever a request, a
/// token or a file sent ("khm ", "Khm"). Whether the system serves the country is for the countries table to say.
/// </summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The code in the register's spelling; null for a blank text. Any other text is kept, for the caller to refuse by name.</summary>
    public static CountryCode? From(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new CountryCode(text.Trim().ToUpperInvariant());

    /// <summary><paramref name="text"/> in the register's spelling (blank stays blank), for places that keep codes as strings.</summary>
    public static string Normalise(string text) => From(text)?.Value ?? "";

    /// <summary>Three letters A to Z: the shape of an alpha-3 code.</summary>
    public bool IsWellFormed => Value is { Length: 3 } v && v.All(char.IsAsciiLetterUpper);

    public static implicit operator string(CountryCode code) => code.Value;

    public override string ToString() => Value;
}
