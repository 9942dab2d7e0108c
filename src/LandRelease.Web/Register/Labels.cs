namespace LandRelease.Web.Register;

/// <summary>The register's wire names as a person reads them.</summary>
public static class Labels
{
    public static string Status(string wire) => wire switch
    {
        "OPEN" => "Open",
        "WORKED_ON" => "Worked on",
        "CLOSED" => "Closed",
        "HANDED_OVER" => "Handed over",
        _ => Sentence(wire),
    };

    public static string Classification(string wire) => wire switch
    {
        "SHA" => "Suspected (SHA)",
        "CHA" => "Confirmed (CHA)",
        _ => wire,
    };

    /// <summary>OTHER_ERW → Other erw; a wire name as the start of a sentence.</summary>
    public static string Sentence(string wire) =>
        wire.Length == 0 ? wire : wire[0] + wire[1..].ToLowerInvariant().Replace('_', ' ');
}
