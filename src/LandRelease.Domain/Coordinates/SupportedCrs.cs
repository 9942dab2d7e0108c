namespace LandRelease.Domain.Coordinates;

/// <summary>
/// A coordinate system LandRelease defines itself, for documentation and the CRS list endpoint.
/// <see cref="EsriName"/> is the name ArcGIS writes in a .prj (null where ArcGIS has none);
/// <see cref="UtmZone"/> is "48N" for a UTM grid and null for longitude/latitude.
/// </summary>
public sealed record SupportedCrs(int? Epsg, string Name, string? EsriName, string Datum, string? UtmZone)
{
    /// <summary>The identifier to send: "EPSG:3148", or the name where EPSG has no code.</summary>
    public string Identifier => Epsg is { } code ? $"EPSG:{code}" : Name;

    public bool IsProjected => UtmZone is not null;
}
