using NetTopologySuite.Geometries;

namespace LandRelease.Domain.Countries;

/// <summary>A country the system serves, with its 1:10m boundary (approximate: see the register's tolerance).</summary>
public sealed class Country
{
    private Country()
    {
    }

    /// <summary>ISO 3166-1 alpha-3.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string IsoNumeric { get; private set; } = "";
    public MultiPolygon Boundary { get; private set; } = null!;

    public static Country Create(string code, string name, string isoNumeric, MultiPolygon boundary) =>
        new() { Code = code, Name = name, IsoNumeric = isoNumeric, Boundary = boundary };

    /// <summary>The ten member states of ASEAN, served by the regional mine action centre (ARMAC).</summary>
    public static IReadOnlyList<string> AseanCodes { get; } =
        ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM"];
}
